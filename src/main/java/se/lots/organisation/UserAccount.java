package se.lots.organisation;

/** A user; {@code email} and {@code phone} are the work address and number (null until the administrator enters them). */
public record UserAccount(long id, String username, String displayName, OrganisationId organisationId,
        Long unitId,
        Role role, boolean active, String email, String phone) {
}
