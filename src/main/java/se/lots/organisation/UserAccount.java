package se.lots.organisation;

public record UserAccount(long id, String username, String displayName, long organisationId, Long unitId,
        Role role, boolean active) {
}
