package se.lots.privacy.extract;

/** A request as typed on the form; checked by {@link RegisterExtractService}. */
public record ExtractRequestInput(String personalIdentityNumber, String receivedOn, String requestedBy,
        String requesterName, String identityCheck, String identityNote) {
}
