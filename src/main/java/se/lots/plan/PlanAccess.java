package se.lots.plan;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.consent.Access;
import se.lots.consent.AccessPolicy;
import se.lots.consent.ConsentScope;
import se.lots.consent.PersonHoldings;
import se.lots.organisation.OrganisationId;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;

/**
 * What of a young person's plan an actor sees. The organisation holding the record, and another organisation
 * through a valid consent with scope PLAN (or emergency access), see the shared plan: the goal, the strengths, every
 * step except other organisations' confidential ones. An organisation that has its own steps, enrolments, meetings
 * or referrals for the person but no consent (or whose consent was withdrawn) sees only its own part. Anyone else
 * sees nothing.
 */
@Component
public class PlanAccess {

    /** SHARED: the whole plan as consent allows; OWN: only what the actor's organisation wrote. */
    public enum Level {
        SHARED, OWN
    }

    public record View(UUID personId, OrganisationId holderOrganisationId, OrganisationId organisationId, Level level,
            AccessBasis basis) {

        public boolean shared() {
            return level == Level.SHARED;
        }

        /** A step, meeting or event of {@code owner} is shown when it is the actor's own or shared and not confidential. */
        public boolean shows(OrganisationId owner, boolean confidential) {
            return owner.equals(organisationId) || (shared() && !confidential);
        }

        /** A referral is shown to its sender and its receiver, and to whoever sees the shared plan. */
        public boolean showsReferral(OrganisationId from, OrganisationId to) {
            return shared() || from.equals(organisationId) || to.equals(organisationId);
        }
    }

    private final RegistryService registry;
    private final AccessPolicy accessPolicy;
    private final PersonHoldings holdings;
    private final JdbcClient jdbc;

    PlanAccess(RegistryService registry, AccessPolicy accessPolicy, PersonHoldings holdings, JdbcClient jdbc) {
        this.holdings = holdings;
        this.registry = registry;
        this.accessPolicy = accessPolicy;
        this.jdbc = jdbc;
    }

    /** The actor's view, or AccessDeniedException when they have none. */
    public View view(Actor actor, UUID personId) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read plans");
        }
        OrganisationId holder = registry.ownerOf(personId);
        Access access = accessPolicy.decide(actor, personId, holder, ConsentScope.PLAN);
        if (access.granted()) {
            return new View(personId, holder, actor.organisationId(), Level.SHARED, access.basis());
        }
        // inside the holding organisation a line of work that does not hold the record sees none of it: the steps
        // are the organisation's, and another line's are behind the secrecy between them (OSL 8 kap. 2 §)
        boolean otherLine = actor.organisationId().equals(holder)
                && (actor.domain() == null || !actor.domain().wholeOrganisation());
        if (!otherLine && involved(actor.organisationId(), personId)) {
            return new View(personId, holder, actor.organisationId(), Level.OWN, AccessBasis.OWN_ORGANISATION);
        }
        throw new AccessDeniedException("no access to the plan");
    }

    /** The organisation holding the young person's record. */
    public OrganisationId holderOf(UUID personId) {
        return registry.ownerOf(personId);
    }

    /**
     * As {@link #sharedView}, for an action that starts the actor's line of work's own record of the person (a plan, a
     * step, an enrolment, a meeting, a referral): where the line reads the record as its own, it is recorded as a
     * holder (in an organisation not yet divided into lines, the user's unit). A disclosure or a consent is not turned
     * into a holding: withdrawn, it ends the access as before.
     */
    public View writingView(Actor actor, UUID personId) {
        View view = sharedView(actor, personId);
        if (view.basis().equals(AccessBasis.OWN_ORGANISATION) && actor.organisationId().equals(view.holderOrganisationId())) {
            holdings.hold(actor, personId);
        }
        return view;
    }

    /** As {@link #view}, but only a shared view will do (writing the goal, adding a step, calling a meeting). */
    public View sharedView(Actor actor, UUID personId) {
        View view = view(actor, personId);
        if (!view.shared()) {
            throw new AccessDeniedException("the plan is shared with this organisation only through consent");
        }
        return view;
    }

    private boolean involved(OrganisationId organisationId, UUID personId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM plan_step s JOIN plan p ON p.id = s.plan_id
                                WHERE p.person_id = :person AND s.organisation_id = :org)
                    OR EXISTS (SELECT 1 FROM enrolment WHERE person_id = :person AND organisation_id = :org)
                    OR EXISTS (SELECT 1 FROM meeting m JOIN meeting_organisation o ON o.meeting_id = m.id
                                WHERE m.person_id = :person AND o.organisation_id = :org)
                    OR EXISTS (SELECT 1 FROM referral WHERE person_id = :person
                                  AND (from_organisation_id = :org OR to_organisation_id = :org))""")
                .param("person", personId).param("org", organisationId.value()).query(Boolean.class).single();
    }
}
