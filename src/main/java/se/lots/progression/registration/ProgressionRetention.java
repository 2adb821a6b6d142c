package se.lots.progression.registration;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.DueRows;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Gallring of the progression register (rule kind "PARTICIPANT", counted from {@link RetentionEvent#LAST_ACTIVITY}).
 * The register holds a person through their enrolments (plan's published view {@code plan_enrolment}): the
 * participations of the organisation's programmes with their START and SLUT registrations (and the sources of income),
 * the assessments (with each item's score) and the movements on the step ladder, and the mark that an enrolment was
 * registered anonymously ({@code anonymous_enrolment}).
 *
 * <p><b>Due</b>: a person is due in the organisation when none of their participations there is running (the
 * participation or its enrolment has ended) and the newest activity — a participation started, ended or written, a
 * registration measured or written, an assessment, a step movement, an enrolment's end, an anonymous registration —
 * fell before the rule's period. Then all of it goes, children before parents. An anonymous participation (no
 * enrolment, no person: gender, birth year and municipality only, kept for statistics) names nobody and is no
 * person's record: it stays. Other organisations' participations of the same person are not touched.
 *
 * <p>The follow-up units of the removed participations' enrolments are brought up to date (they are this module's
 * read model, {@code follow_up_unit_refresh}), so that no unit keeps what was removed; the enrolment's unit itself goes
 * when the plan module removes the enrolment, which it does only once nothing here points at it (the view
 * {@code progression_followed_enrolment}). An enrolment that was registered anonymously is not refreshed: its unit
 * would come back as an identified one. {@link #mustKeep} is always empty: nothing in the register obliges keeping (the
 * funder's report counts from the follow-up units; whether an authority must keep its records is the privacy module's
 * decision, GDPR art. 17.3 b).
 */
@Component
class ProgressionRetention implements PersonalDataEraser {

    static final String PARTICIPANT = "PARTICIPANT";

    private final JdbcClient jdbc;

    ProgressionRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "progression";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(PARTICIPANT);
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(due(organisation, rule, today)).count();
    }

    @Override
    @Transactional(readOnly = true)
    public void archiveDue(OrganisationId organisation, RetentionRule rule, LocalDate today, ArchiveSink sink) {
        rows(due(organisation, rule, today)).archive(sink);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount removeDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return remove(due(organisation, rule, today));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> stillHeld(Collection<UUID> persons) {
        UUID[] ids = persons.toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql("""
                SELECT e.person_id FROM participant p JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE e.person_id = ANY(?::uuid[])
                UNION
                SELECT e.person_id FROM anonymous_enrolment a JOIN plan_enrolment e ON e.id = a.enrolment_id
                 WHERE e.person_id = ANY(?::uuid[])""").params(ids, ids).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countPerson(OrganisationId organisation, UUID personId) {
        return rows(part(organisation, new UUID[] { personId })).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount erasePerson(OrganisationId organisation, UUID personId) {
        return remove(part(organisation, new UUID[] { personId }));
    }

    @Override
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        return Optional.empty();
    }

    /**
     * The persons with something removed, their participations in the organisation and those participations'
     * enrolments, and their enrolments registered anonymously there.
     */
    private record Due(UUID[] persons, UUID[] participants, UUID[] enrolments, UUID[] anonymous) {
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(PARTICIPANT)
                || rule.countedFrom() != RetentionEvent.LAST_ACTIVITY) {
            throw new IllegalArgumentException("not a rule of the progression register's participants: " + rule);
        }
        UUID[] persons = jdbc.sql("""
                WITH mine AS (
                    SELECT p.id, p.started_on, p.ended_on, p.created_at, e.person_id, e.ended_on AS enrolment_ended_on
                      FROM participant p JOIN plan_enrolment e ON e.id = p.enrolment_id
                     WHERE p.organisation_id = :org),
                part (person_id, open, last) AS (
                    SELECT person_id, ended_on IS NULL AND enrolment_ended_on IS NULL,
                           greatest(started_on, ended_on, created_at::date, enrolment_ended_on)
                      FROM mine
                    UNION ALL
                    SELECT m.person_id, false, greatest(r.measured_on, r.created_at::date, r.updated_at::date)
                      FROM registration r JOIN mine m ON m.id = r.participant_id
                    UNION ALL
                    SELECT m.person_id, false, greatest(a.assessed_on, a.created_at::date)
                      FROM assessment a JOIN mine m ON m.id = a.participant_id
                    UNION ALL
                    SELECT m.person_id, false, greatest(s.moved_on, s.created_at::date)
                      FROM step_movement s JOIN mine m ON m.id = s.participant_id
                    UNION ALL
                    SELECT e.person_id, e.ended_on IS NULL, greatest(a.registered_at::date, e.ended_on)
                      FROM anonymous_enrolment a JOIN plan_enrolment e ON e.id = a.enrolment_id
                     WHERE e.organisation_id = :org)
                SELECT person_id FROM part GROUP BY person_id
                HAVING NOT bool_or(open) AND max(last) < :keptFrom""")
                .param("org", organisation.value()).param("keptFrom", rule.keptFrom(today)).query(UUID.class).list()
                .toArray(UUID[]::new);
        return part(organisation, persons);
    }

    /** Everything the organisation's register holds on the persons. */
    private Due part(OrganisationId organisation, UUID[] candidates) {
        List<UUID[]> participations = jdbc.sql("""
                SELECT p.id, p.enrolment_id FROM participant p JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE p.organisation_id = ? AND e.person_id = ANY(?::uuid[])""")
                .params(organisation.value(), candidates)
                .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }).list();
        UUID[] anonymous = jdbc.sql("""
                SELECT a.enrolment_id FROM anonymous_enrolment a JOIN plan_enrolment e ON e.id = a.enrolment_id
                 WHERE e.organisation_id = ? AND e.person_id = ANY(?::uuid[])""")
                .params(organisation.value(), candidates).query(UUID.class).list().toArray(UUID[]::new);
        UUID[] enrolments = participations.stream().map(p -> p[1]).toArray(UUID[]::new);
        UUID[] persons = jdbc.sql("SELECT DISTINCT person_id FROM plan_enrolment WHERE id = ANY(?::uuid[])"
                + " OR id = ANY(?::uuid[])").params(enrolments, anonymous).query(UUID.class).list()
                .toArray(UUID[]::new);
        return new Due(persons, participations.stream().map(p -> p[0]).toArray(UUID[]::new), enrolments, anonymous);
    }

    private RetentionCount remove(Due due) {
        RetentionCount removed = rows(due).remove();
        if (due.enrolments.length > 0) {
            // the units built on the removed participations keep nothing of them
            jdbc.sql("SELECT follow_up_unit_refresh(?::uuid[], true)").param(due.enrolments).query((rs, n) -> 1)
                    .list();
        }
        return removed;
    }

    /** The tables in the order the removal goes: children before parents. */
    private DueRows rows(Due due) {
        return DueRows.of(jdbc, register(), due.persons)
                .from("""
                        FROM registration_income
                        WHERE registration_id IN (SELECT id FROM registration WHERE participant_id = ANY(?::uuid[]))""",
                        due.participants)
                .from("FROM registration WHERE participant_id = ANY(?::uuid[])", due.participants)
                .from("""
                        FROM assessment_score
                        WHERE assessment_id IN (SELECT id FROM assessment WHERE participant_id = ANY(?::uuid[]))""",
                        due.participants)
                .from("FROM assessment WHERE participant_id = ANY(?::uuid[])", due.participants)
                .from("FROM step_movement WHERE participant_id = ANY(?::uuid[])", due.participants)
                .from("FROM participant WHERE id = ANY(?::uuid[])", due.participants)
                .from("FROM anonymous_enrolment WHERE enrolment_id = ANY(?::uuid[])", due.anonymous);
    }
}
