package se.lots.intervention.find;

import se.lots.intervention.Provider;
import se.lots.intervention.coverage.Match;

/** An intervention proposed for a young person and its provider (see "Hitta insats"). */
public record Proposal(Match match, Provider provider) {

    /** A referral goes to the provider's organisation, when the provider is one in Lots. */
    public boolean referable() {
        return provider.organisationId() != null;
    }
}
