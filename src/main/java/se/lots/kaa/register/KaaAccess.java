package se.lots.kaa.register;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import se.lots.organisation.LineOfWork;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.security.Actor;

/**
 * Who works in a municipality's KAA register: its KAA coordinator and its case workers (outreach staff), and only
 * in the register of their own organisation, which must be tied to a municipality. The legal basis recorded in the
 * audit log is the activity responsibility itself (skollagen 29 kap. 9 §), not a consent. The register is the
 * education line's own (the KAA is the education committee's duty): in a municipality divided into lines of work, only
 * staff of a unit in the line {@link LineOfWork#UTBILDNING_KAA} work in it; secrecy keeps it from the social services
 * and the other lines (offentlighets- och sekretesslagen 8 kap. 2 §, docs/security.md).
 */
public final class KaaAccess {

    public static final String PURPOSE = "LAGSTOD:KAA";
    private static final Set<Role> ROLES = EnumSet.of(Role.KAA_COORDINATOR, Role.CASE_WORKER);

    private KaaAccess() {
    }

    static boolean allowed(Role role) {
        return ROLES.contains(role);
    }

    /** True when the actor's role and line of work work in a KAA register (their organisation may have none). */
    public static boolean worksInRegister(Actor actor) {
        return allowed(actor.role()) && actor.worksIn(LineOfWork.UTBILDNING_KAA);
    }

    public static Organisation municipalityOf(Actor actor, Organisations organisations) {
        if (!allowed(actor.role())) {
            throw new AccessDeniedException("role does not work in the KAA register");
        }
        if (!actor.worksIn(LineOfWork.UTBILDNING_KAA)) {
            throw new AccessDeniedException("the KAA register is the education line's; the user works in another");
        }
        Organisation org = organisations.byId(actor.organisationId()).orElseThrow();
        if (org.municipalityCode() == null) {
            throw new AccessDeniedException("the organisation has no municipality and so no KAA register");
        }
        return org;
    }
}
