package se.lots.intervention;

/** An intervention proposed for a young person and its provider (see "Hitta insats"). */
public record Proposal(Match match, Provider provider) {

    /** A referral goes to the provider's organisation, when the provider is one in Lots. */
    public boolean referable() {
        return provider.organisationId() != null;
    }
}
