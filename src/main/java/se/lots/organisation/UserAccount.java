package se.lots.organisation;

public record UserAccount(long id, String username, String displayName, OrganisationId organisationId,
        Long unitId,
        Role role, boolean active) {
}
