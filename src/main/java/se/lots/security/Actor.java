package se.lots.security;

import se.lots.organisation.LineOfWork;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.organisation.SecrecyDomain;

/**
 * The logged-in user as every module sees them: who, for which organisation, in which role, and inside which secrecy
 * domain of it (their unit's nämnd and line of work; null when the organisation is divided into lines of work and the
 * user is in none, docs/security.md "Secrecy inside a municipality").
 */
public record Actor(long userId, String username, String displayName, OrganisationId organisationId,
        String organisationName, Role role, SecrecyDomain domain) {

    /** A user of an organisation that is one secrecy domain (not divided into lines of work). */
    public Actor(long userId, String username, String displayName, OrganisationId organisationId,
            String organisationName, Role role) {
        this(userId, username, displayName, organisationId, organisationName, role,
                SecrecyDomain.wholeOrganisation(organisationId));
    }

    public boolean readsPersonalData() {
        return role.readsPersonalData();
    }

    /** True when the user works in this line of work: their unit's, or any in an organisation not divided into lines. */
    public boolean worksIn(LineOfWork line) {
        return domain != null && domain.includes(line);
    }
}
