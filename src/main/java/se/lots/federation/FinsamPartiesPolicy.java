package se.lots.federation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import se.lots.organisation.PartyType;

/**
 * The Finsam rule for what a förbund may finance: a programme needs at least two of the four parties, and any number
 * of municipalities count as one. Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser, 5 § andra
 * stycket: several municipalities in one förbund "ska tillsammans anses utgöra en part"; 7 §: the förbund finances
 * insatser "inom de samverkande parternas samlade ansvarsområde" — samverkan, so at least two parties (seed 000:
 * "Samarbete kan inte ske enbart mellan två kommuner, eftersom de ses som en part").
 */
public final class FinsamPartiesPolicy {

    /** The four parties; a förbund, a school or an association is not one of them. */
    public static final Set<PartyType> PARTIES = EnumSet.of(PartyType.KOMMUN, PartyType.REGION,
            PartyType.ARBETSFORMEDLINGEN, PartyType.FORSAKRINGSKASSAN);

    public static final int MINIMUM_PARTIES = 2;

    private FinsamPartiesPolicy() {
    }

    /** The distinct Finsam parties among the participating organisations' party types: municipalities count once. */
    public static Set<PartyType> parties(Collection<PartyType> participants) {
        Set<PartyType> parties = EnumSet.noneOf(PartyType.class);
        for (PartyType p : participants) {
            if (PARTIES.contains(p)) {
                parties.add(p);
            }
        }
        return parties;
    }

    /** Whether a programme with these participating organisations (by party type) may be financed by the förbund. */
    public static boolean allows(Collection<PartyType> participants) {
        return parties(participants).size() >= MINIMUM_PARTIES;
    }
}
