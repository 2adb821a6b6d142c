package se.lots.progression.report;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.lots.organisation.OrganisationId;
import se.lots.plan.EnrolmentChanged;
import se.lots.plan.JourneyEventRemoved;
import se.lots.plan.JourneyKind;
import se.lots.plan.JourneyRecorded;
import se.lots.plan.PlanStepAdded;
import se.lots.registry.PersonDetailsSaved;

/**
 * Keeps the follow-up units (follow_up_unit, the rows the funder's report and the programme goals count) and the
 * contact change log up to date from what the plan module and the registry publish. The listeners run in the
 * writing transaction ({@code MANDATORY}: a write outside one is a bug), so that a unit, its change log and the
 * source it was computed from commit together: the goals page's kept measures are brought up to date from those
 * logs and need each log in the transaction of its change (ADR 0003). Progression's own writes (participations,
 * registrations, incomes) reach the units through triggers on its own tables.
 */
@Component
class FollowUpUnitEvents {

    private final JdbcClient jdbc;

    FollowUpUnitEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(EnrolmentChanged changed) {
        jdbc.sql("SELECT follow_up_unit_refresh(ARRAY[CAST(? AS uuid)])").param(changed.enrolmentId())
                .query((rs, n) -> 1).list();
    }

    /** A plan counts from its first step: the person's enrolments may have got their plan. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PlanStepAdded added) {
        refreshEnrolmentsOf(added.personId(), false);
    }

    /** A corrected gender or birth year changes the person's units; a unit with nothing changed is left alone. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PersonDetailsSaved saved) {
        refreshEnrolmentsOf(saved.personId(), false);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(JourneyRecorded recorded) {
        if (counted(recorded.kind())) {
            logContact(recorded.personId(), recorded.organisationId(), recorded.occurredOn(), recorded.kind(), 1);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(JourneyEventRemoved removed) {
        if (counted(removed.kind())) {
            logContact(removed.personId(), removed.organisationId(), removed.occurredOn(), removed.kind(), -1);
        }
    }

    private static boolean counted(JourneyKind kind) {
        return kind == JourneyKind.KONTAKT || kind == JourneyKind.GRUPPAKTIVITET;
    }

    /**
     * A contact or group activity written (+1) or removed (-1): logged per person, organisation, day and kind (a
     * period that cuts a participant's contacts counts them from the journey, so the contacts a snapshot saw are
     * those there now less the changes it did not see), and the person's units rewritten, since a unit keeps their
     * counts and first and last days.
     */
    private void logContact(UUID personId, OrganisationId organisationId, LocalDate on, JourneyKind kind,
            int delta) {
        jdbc.sql("""
                INSERT INTO follow_up_contact_change (person_id, organisation_id, occurred_on, delta, xid, kind)
                VALUES (?, ?, ?, ?, pg_current_xact_id(), ?)""")
                .params(personId, organisationId.value(), on, delta, kind.name()).update();
        refreshEnrolmentsOf(personId, true);
    }

    private void refreshEnrolmentsOf(UUID personId, boolean rewrite) {
        jdbc.sql("""
                SELECT follow_up_unit_refresh(ARRAY(SELECT id FROM plan_enrolment WHERE person_id = ?), ?)""")
                .params(personId, rewrite).query((rs, n) -> 1).list();
    }
}
