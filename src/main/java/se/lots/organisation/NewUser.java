package se.lots.organisation;

/** A new account; {@code email} and {@code phone} (work, optional) are where Lots reminds the user of booked times. */
public record NewUser(String username, String password, String displayName, Role role,
        OrganisationId organisationId, Long unitId, String email, String phone) {

    public NewUser(String username, String password, String displayName, Role role, OrganisationId organisationId,
            Long unitId) {
        this(username, password, displayName, role, organisationId, unitId, null, null);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
