package se.lots.federation.member;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.lots.organisation.PartyType;

/**
 * What each party contributes to the förbund and which parties it must have. Lag (2003:1210) om finansiell samordning
 * av rehabiliteringsinsatser, 5 §: the state's share, paid through Försäkringskassan, is half, the region's a quarter
 * and the municipalities' together a quarter; Arbetsförmedlingen is a member without a share of its own. 5 a § lets the
 * members agree on other shares (not modelled here). 3 §: financial coordination is between Försäkringskassan,
 * Arbetsförmedlingen, a region and one or more municipalities.
 */
public final class ContributionPolicy {

    /** The law's shares in per cent of the förbund's funds, by party; several municipalities share theirs. */
    public static final Map<PartyType, BigDecimal> SHARES;

    static {
        var shares = new LinkedHashMap<PartyType, BigDecimal>();
        shares.put(PartyType.FORSAKRINGSKASSAN, BigDecimal.valueOf(50));
        shares.put(PartyType.ARBETSFORMEDLINGEN, BigDecimal.ZERO);
        shares.put(PartyType.REGION, BigDecimal.valueOf(25));
        shares.put(PartyType.KOMMUN, BigDecimal.valueOf(25));
        SHARES = Map.copyOf(shares);
    }

    /** The four parties in the order the law names them. */
    public static final List<PartyType> PARTIES = List.of(PartyType.FORSAKRINGSKASSAN, PartyType.ARBETSFORMEDLINGEN,
            PartyType.REGION, PartyType.KOMMUN);

    private ContributionPolicy() {
    }

    /** The share in per cent the law gives one party (all its members together); zero for one that is no party. */
    public static BigDecimal share(PartyType party) {
        return SHARES.getOrDefault(party, BigDecimal.ZERO);
    }

    /** The parties 3 § requires that none of the current members' party types is. */
    public static Set<PartyType> missing(Collection<PartyType> members) {
        Set<PartyType> missing = EnumSet.copyOf(PARTIES);
        missing.removeAll(members);
        return missing;
    }
}
