package se.lots.intervention;

/**
 * A provider as typed or sent: either {@code organisationId} (and optionally {@code unitId}) of an organisation in
 * Lots, or a {@code name} and {@code partyType} of its own. Text, so that each wrong field gets its own message.
 */
public record ProviderInput(String organisationId, String unitId, String name, String partyType, String contactName,
        String phone, String email, String address, String openingHours, Integer version) {

    public static ProviderInput empty() {
        return new ProviderInput(null, null, null, null, null, null, null, null, null, null);
    }

    public static ProviderInput of(Provider p) {
        return new ProviderInput(p.organisationId() == null ? null : p.organisationId().toString(),
                p.unitId() == null ? null : p.unitId().toString(), p.name(), p.partyType().name(), p.contactName(),
                p.phone(), p.email(), p.address(), p.openingHours(), p.version());
    }
}
