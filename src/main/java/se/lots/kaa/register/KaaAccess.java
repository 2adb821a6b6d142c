package se.lots.kaa.register;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.security.Actor;

/**
 * Who works in a municipality's KAA register: its KAA coordinator and its case workers (outreach staff), and only
 * in the register of their own organisation, which must be tied to a municipality. The legal basis recorded in the
 * audit log is the activity responsibility itself (skollagen 29 kap. 9 §), not a consent.
 */
public final class KaaAccess {

    public static final String PURPOSE = "LAGSTOD:KAA";
    private static final Set<Role> ROLES = EnumSet.of(Role.KAA_COORDINATOR, Role.CASE_WORKER);

    private KaaAccess() {
    }

    static boolean allowed(Role role) {
        return ROLES.contains(role);
    }

    public static Organisation municipalityOf(Actor actor, Organisations organisations) {
        if (!allowed(actor.role())) {
            throw new AccessDeniedException("role does not work in the KAA register");
        }
        Organisation org = organisations.byId(actor.organisationId()).orElseThrow();
        if (org.municipalityCode() == null) {
            throw new AccessDeniedException("the organisation has no municipality and so no KAA register");
        }
        return org;
    }
}
