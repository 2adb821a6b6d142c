package se.lots.intervention.catalogue;

import org.springframework.security.access.AccessDeniedException;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.security.Actor;

/**
 * Who keeps the catalogue: the administrator and the förbund keep all of it; a programme lead keeps the providers
 * and interventions of their own organisation. Everyone logged in reads it.
 */
public final class CatalogueAccess {

    private CatalogueAccess() {
    }

    public static boolean maintainsAll(Actor actor) {
        return actor.role() == Role.ADMIN || actor.role() == Role.FEDERATION_OFFICER;
    }

    /** May add or change anything at all (some providers, for a programme lead). */
    public static boolean maintainsSome(Actor actor) {
        return maintainsAll(actor) || actor.role() == Role.PROGRAMME_LEAD;
    }

    public static boolean maintains(Actor actor, OrganisationId providerOrganisationId) {
        return maintainsAll(actor) || (actor.role() == Role.PROGRAMME_LEAD
                && actor.organisationId().equals(providerOrganisationId));
    }

    public static void requireMaintains(Actor actor, OrganisationId providerOrganisationId) {
        if (!maintains(actor, providerOrganisationId)) {
            throw new AccessDeniedException("the catalogue entry belongs to another organisation");
        }
    }

    public static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("the list of needs is kept by the administrator");
        }
    }
}
