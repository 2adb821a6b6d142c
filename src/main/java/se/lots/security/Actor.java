package se.lots.security;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;

/** The logged-in user as every module sees them: who, for which organisation, in which role. */
public record Actor(long userId, String username, String displayName, OrganisationId organisationId,
        String organisationName, Role role) {

    public boolean readsPersonalData() {
        return role.readsPersonalData();
    }
}
