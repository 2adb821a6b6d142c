package se.lots.progression.registration;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.organisation.OrganisationId;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanAccess;
import se.lots.security.Actor;
import se.lots.shared.NotFoundException;

/**
 * Who sees a participant's registrations, assessments and step movements: whoever sees the enrolment on the young
 * person's plan (the holder or another organisation through consent with scope PLAN, or the enrolment's own
 * organisation). Only the programme's organisation writes. An anonymous participant is seen only by the programme's
 * organisation. Roles that do not read personal data (analyst, förbund) see none.
 */
@Component
public class ProgressionAccess {

    /** what the actor may do with one participant; {@code participation} is null until something was recorded. */
    public record Decision(Enrolment enrolment, Participation participation, UUID personId, AccessBasis basis, boolean writes) {

        public long programmeId() {
            return enrolment != null ? enrolment.programmeId() : participation.programmeId();
        }

        public OrganisationId organisationId() {
            return enrolment != null ? enrolment.organisationId() : participation.organisationId();
        }
    }

    private final EnrolmentService enrolments;
    private final PlanAccess planAccess;
    private final Participations participations;

    ProgressionAccess(EnrolmentService enrolments, PlanAccess planAccess, Participations participations) {
        this.enrolments = enrolments;
        this.planAccess = planAccess;
        this.participations = participations;
    }

    public Decision forEnrolment(Actor actor, UUID enrolmentId) {
        Enrolment e = enrolments.enrolment(enrolmentId).orElseThrow(() -> new NotFoundException("enrolment"));
        PlanAccess.View view = planAccess.view(actor, e.personId());
        if (!view.shows(e.organisationId(), false)) {
            throw new AccessDeniedException("the enrolment is not shown to this organisation");
        }
        return new Decision(e, participations.ofEnrolment(enrolmentId).orElse(null), e.personId(), view.basis(),
                e.organisationId().equals(actor.organisationId()));
    }

    public Decision forParticipation(Actor actor, UUID participationId) {
        Participation p = participations.byId(participationId).orElseThrow(() -> new NotFoundException("participant"));
        if (!p.anonymous()) {
            return forEnrolment(actor, p.enrolmentId());
        }
        if (!actor.readsPersonalData() || !actor.organisationId().equals(p.organisationId())) {
            throw new AccessDeniedException("an anonymous participant is seen by the programme's organisation only");
        }
        return new Decision(null, p, null, AccessBasis.OWN_ORGANISATION, true);
    }

    public static void requireWrite(Decision d) {
        if (!d.writes()) {
            throw new AccessDeniedException("follow-up is recorded by the programme's organisation");
        }
    }
}
