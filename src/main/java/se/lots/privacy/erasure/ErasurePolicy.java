package se.lots.privacy.erasure;

import java.util.EnumSet;
import java.util.Set;

import se.lots.organisation.PartyType;

/**
 * Whose records a request for erasure can remove. GDPR art. 17.3 b: the right to erasure does not apply where keeping
 * the data is needed to comply with a legal obligation or to perform a task in the public interest or in the exercise
 * of official authority. The records of a kommun, region, Arbetsförmedlingen, Försäkringskassan, a samordningsförbund
 * or a (public) school are allmänna handlingar (tryckfrihetsförordningen 2 kap.): only gallring under arkivlagen
 * (1990:782) and the organisation's gallringsbeslut destroys them, so a request is answered with the rule that
 * governs the record. Civil society and other organisations that are not authorities erase on request.
 */
final class ErasurePolicy {

    private static final Set<PartyType> AUTHORITIES = EnumSet.of(PartyType.KOMMUN, PartyType.REGION,
            PartyType.ARBETSFORMEDLINGEN, PartyType.FORSAKRINGSKASSAN, PartyType.FORBUND, PartyType.SKOLA);

    private ErasurePolicy() {
    }

    /** True when the organisation's records are allmänna handlingar: a request is refused with the governing rule. */
    static boolean isAuthority(PartyType partyType) {
        return AUTHORITIES.contains(partyType);
    }
}
