package se.lots.plan;

/** A new remiss as the form or the API sends it; every field as text, checked by the service. */
public record ReferralInput(String toOrganisationId, String toUnitId, String fromUnitId, String intervention,
        String reason, String request) {
}
