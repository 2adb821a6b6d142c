package se.lots.organisation;

public record NewUser(String username, String password, String displayName, Role role,
        OrganisationId organisationId, Long unitId) {

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
