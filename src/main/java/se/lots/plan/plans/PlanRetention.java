package se.lots.plan.plans;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.plan.EnrolmentChanged;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.DueRows;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Gallring of the plan register (rule kind "PLAN", counted from {@link RetentionEvent#PLAN_CLOSED}). The young
 * person's plan is shared: each organisation holds its own part of it, and a run of one organisation removes only
 * that part.
 *
 * <p><b>The organisation's part</b> of what the register holds on a person: its enrolments (the programme's
 * organisation), its steps in the plan (with their dependencies, also another organisation's step's dependency on
 * one of them), the meetings it held and documented (with everyone recorded as taking part: the minutes are its
 * record), its journey events, and the referrals it sent or received. The plan itself — the goal, the strengths,
 * the tracks, the needs, the reviews and the support persons — is the part of the organisation that holds the
 * person's record (the registry's holder, who coordinates the plan, {@code PlanAccess}).
 *
 * <p><b>Due</b>: a person is due in the organisation when everything of its part is closed — no enrolment open, no
 * step of its own planned or going on, no referral of its own waiting, accepted or going on, no enrolment still
 * followed up by progression (the view {@code progression_followed_enrolment}: progression's rows point at the
 * enrolment and its own rule removes them first) and, for the holder, no other organisation's step open on the plan
 * (the shared plan is still running) — and the last close or activity of that part (an enrolment's start or end, a
 * step or the plan written, a meeting held or the next one planned, a referral's or a status's time, a journey
 * event, a review or the next review planned, a need or a support person added) fell before the rule's period.
 *
 * <p><b>Shared records</b> stay consistent: another organisation's step that pointed at a removed meeting keeps the
 * step without the link, an enrolment transferred from a removed one keeps its start without the link; the plan
 * itself (the holder's part) goes only when no other organisation has a step or a meeting left on it, else it stays
 * for them and goes in a later run of the holder. A referral is both organisations' record: it goes in the run of
 * the one that removes it last, i.e. when the other organisation holds nothing else on the person in the register;
 * until then the other keeps it whole. A person counts as removed only when some row of theirs went.
 *
 * <p>Removed enrolments are published as {@link EnrolmentChanged} (ADR 0008) so that progression's follow-up units
 * built on them go too. {@link #mustKeep} is always empty: the register has no running obligation of its own (an open
 * enrolment or step is a service the person can leave; whether an authority must keep its records is the privacy
 * module's decision, GDPR art. 17.3 b). One person's erasure needs progression's erasure first where progression
 * still follows one of their enrolments ({@link IllegalStateException} otherwise).
 */
@Component
class PlanRetention implements PersonalDataEraser {

    static final String PLAN = "PLAN";

    private static final String OPEN_STEP = "('PLANERAD', 'PAGAR')";
    private static final String OPEN_REFERRAL = "('SKICKAD', 'MOTTAGEN', 'ACCEPTERAD', 'PABORJAD')";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PlanRetention(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public String register() {
        return "plan";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(PLAN);
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
        // every part of the register names the person, or hangs on the plan that does
        UUID[] ids = persons.toArray(UUID[]::new);
        List<String> named = List.of("enrolment", "plan", "meeting", "referral", "journey_event");
        String union = String.join(" UNION ", named.stream()
                .map(t -> "SELECT person_id FROM " + t + " WHERE person_id = ANY(?::uuid[])").toList());
        return new HashSet<>(jdbc.sql(union).params(Collections.nCopies(named.size(), ids).toArray()).query(UUID.class)
                .list());
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countPerson(OrganisationId organisation, UUID personId) {
        return rows(part(organisation, new UUID[] { personId })).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount erasePerson(OrganisationId organisation, UUID personId) {
        Due due = part(organisation, new UUID[] { personId });
        boolean followed = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM progression_followed_enrolment WHERE enrolment_id = ANY(?::uuid[]))""")
                .param(due.enrolments).query(Boolean.class).single();
        if (followed) {
            throw new IllegalStateException(
                    "progression still follows up an enrolment of the person: erase there first");
        }
        return remove(due);
    }

    @Override
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        return Optional.empty();
    }

    /** The persons with something removed, and the ids of what goes in each table. */
    private record Due(UUID[] persons, UUID[] enrolments, UUID[] steps, UUID[] meetings,
            UUID[] referrals, Long[] journey, UUID[] plans) {

        boolean isEmpty() {
            return persons.length == 0;
        }
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(PLAN)
                || rule.countedFrom() != RetentionEvent.PLAN_CLOSED) {
            throw new IllegalArgumentException("not a rule of the plan register's closed plans: " + rule);
        }
        long org = organisation.value();
        UUID[] persons = jdbc.sql("""
                WITH part (person_id, open, last) AS (
                    SELECT person_id, ended_on IS NULL, greatest(started_on, ended_on)
                      FROM enrolment WHERE organisation_id = :org
                    UNION ALL
                    SELECT e.person_id, true, NULL
                      FROM enrolment e JOIN progression_followed_enrolment f ON f.enrolment_id = e.id
                     WHERE e.organisation_id = :org
                    UNION ALL
                    SELECT p.person_id, s.status IN %1$s, greatest(s.created_at, s.updated_at)::date
                      FROM plan_step s JOIN plan p ON p.id = s.plan_id WHERE s.organisation_id = :org
                    UNION ALL
                    SELECT person_id, false, greatest(held_on, next_meeting_on, created_at::date)
                      FROM meeting WHERE organisation_id = :org
                    UNION ALL
                    SELECT person_id, status IN %2$s,
                           greatest(sent_at, received_at, answered_at, started_at, ended_at)::date
                      FROM referral WHERE :org IN (from_organisation_id, to_organisation_id)
                    UNION ALL
                    SELECT r.person_id, false, s.changed_at::date
                      FROM referral_status s JOIN referral r ON r.id = s.referral_id
                     WHERE :org IN (r.from_organisation_id, r.to_organisation_id)
                    UNION ALL
                    SELECT person_id, false, greatest(occurred_on, recorded_at::date)
                      FROM journey_event WHERE organisation_id = :org
                    UNION ALL
                    SELECT p.person_id,
                           EXISTS (SELECT 1 FROM plan_step o WHERE o.plan_id = p.id AND o.status IN %1$s),
                           greatest(p.created_at::date, p.updated_at::date, p.next_review_on,
                                    (SELECT max(greatest(r.held_on, r.next_review_on, r.recorded_at::date))
                                       FROM plan_review r WHERE r.plan_id = p.id),
                                    (SELECT max(n.recorded_at)::date FROM plan_need n WHERE n.plan_id = p.id),
                                    (SELECT max(sp.added_at)::date FROM support_person sp WHERE sp.plan_id = p.id))
                      FROM plan p JOIN registry_person y ON y.id = p.person_id
                     WHERE y.owner_organisation_id = :org)
                SELECT person_id FROM part GROUP BY person_id
                HAVING NOT bool_or(open) AND max(last) < :keptFrom""".formatted(OPEN_STEP, OPEN_REFERRAL))
                .param("org", org).param("keptFrom", rule.keptFrom(today)).query(UUID.class).list()
                .toArray(UUID[]::new);
        return part(organisation, persons);
    }

    /** Everything of the organisation's part for the persons, as the removal takes it. */
    private Due part(OrganisationId organisation, UUID[] candidates) {
        long org = organisation.value();
        UUID[] enrolments = ids("SELECT id FROM enrolment WHERE organisation_id = ? AND person_id = ANY(?::uuid[])",
                org, candidates);
        UUID[] steps = ids("""
                SELECT s.id FROM plan_step s JOIN plan p ON p.id = s.plan_id
                 WHERE s.organisation_id = ? AND p.person_id = ANY(?::uuid[])""", org, candidates);
        UUID[] meetings = ids("SELECT id FROM meeting WHERE organisation_id = ? AND person_id = ANY(?::uuid[])", org,
                candidates);
        // a referral between two organisations goes with the last of them: the other holds nothing else on the person
        UUID[] referrals = jdbc.sql("""
                WITH mine AS (
                    SELECT r.id, r.person_id,
                           CASE WHEN r.from_organisation_id = :org THEN r.to_organisation_id
                                ELSE r.from_organisation_id END AS other
                      FROM referral r
                     WHERE r.person_id = ANY(CAST(:persons AS uuid[]))
                       AND :org IN (r.from_organisation_id, r.to_organisation_id))
                SELECT m.id FROM mine m
                 WHERE m.other = :org OR NOT (
                       EXISTS (SELECT 1 FROM enrolment e
                                WHERE e.person_id = m.person_id AND e.organisation_id = m.other)
                    OR EXISTS (SELECT 1 FROM plan_step s JOIN plan p ON p.id = s.plan_id
                                WHERE p.person_id = m.person_id AND s.organisation_id = m.other)
                    OR EXISTS (SELECT 1 FROM meeting x WHERE x.person_id = m.person_id AND x.organisation_id = m.other)
                    OR EXISTS (SELECT 1 FROM journey_event j
                                WHERE j.person_id = m.person_id AND j.organisation_id = m.other)
                    OR EXISTS (SELECT 1 FROM referral x
                                WHERE x.person_id = m.person_id
                                  AND m.other IN (x.from_organisation_id, x.to_organisation_id)
                                  AND :org NOT IN (x.from_organisation_id, x.to_organisation_id))
                    OR EXISTS (SELECT 1 FROM plan p JOIN registry_person y ON y.id = p.person_id
                                WHERE p.person_id = m.person_id AND y.owner_organisation_id = m.other))""")
                .param("org", org).param("persons", candidates).query(UUID.class).list().toArray(UUID[]::new);
        Long[] journey = jdbc
                .sql("SELECT id FROM journey_event WHERE organisation_id = ? AND person_id = ANY(?::uuid[])")
                .params(org, candidates).query(Long.class).list().toArray(Long[]::new);
        // the plan itself is the holder's part, and goes when no other organisation has a step or a meeting left on it
        UUID[] plans = ids("""
                SELECT p.id FROM plan p JOIN registry_person y ON y.id = p.person_id
                 WHERE y.owner_organisation_id = ? AND p.person_id = ANY(?::uuid[])
                   AND NOT EXISTS (SELECT 1 FROM plan_step s
                                    WHERE s.plan_id = p.id AND s.organisation_id <> y.owner_organisation_id)
                   AND NOT EXISTS (SELECT 1 FROM meeting m
                                    WHERE m.plan_id = p.id AND m.organisation_id <> y.owner_organisation_id)""",
                org, candidates);
        UUID[] persons = jdbc.sql("""
                SELECT person_id FROM enrolment WHERE id = ANY(?::uuid[])
                UNION SELECT p.person_id FROM plan_step s JOIN plan p ON p.id = s.plan_id WHERE s.id = ANY(?::uuid[])
                UNION SELECT person_id FROM meeting WHERE id = ANY(?::uuid[])
                UNION SELECT person_id FROM referral WHERE id = ANY(?::uuid[])
                UNION SELECT person_id FROM journey_event WHERE id = ANY(?::bigint[])
                UNION SELECT person_id FROM plan WHERE id = ANY(?::uuid[])""")
                .params(enrolments, steps, meetings, referrals, journey, plans).query(UUID.class).list()
                .toArray(UUID[]::new);
        return new Due(persons, enrolments, steps, meetings, referrals, journey, plans);
    }

    private UUID[] ids(String sql, long org, UUID[] persons) {
        return jdbc.sql(sql).params(org, persons).query(UUID.class).list().toArray(UUID[]::new);
    }

    private RetentionCount remove(Due due) {
        if (!due.isEmpty()) {
            // what others keep loses only its link to what goes
            jdbc.sql("""
                    UPDATE plan_step SET meeting_id = NULL
                     WHERE meeting_id = ANY(?::uuid[]) AND NOT id = ANY(?::uuid[])""")
                    .params(due.meetings, due.steps).update();
            jdbc.sql("""
                    UPDATE enrolment SET transferred_from = NULL
                     WHERE transferred_from = ANY(?::uuid[]) AND NOT id = ANY(?::uuid[])""")
                    .params(due.enrolments, due.enrolments).update();
        }
        List<UUID[]> removedEnrolments = due.isEmpty() ? List.of()
                : jdbc.sql("SELECT id, person_id FROM enrolment WHERE id = ANY(?::uuid[])").param(due.enrolments)
                        .query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
                        .list();
        RetentionCount removed = rows(due).remove();
        removedEnrolments.forEach(e -> events.publishEvent(new EnrolmentChanged(e[0], e[1])));
        return removed;
    }

    /** The due rows, table by table in the order the removal goes: children before parents. */
    private DueRows rows(Due due) {
        return DueRows.of(jdbc, register(), due.persons)
                .from("FROM plan_step_dependency WHERE step_id = ANY(?::uuid[]) OR depends_on = ANY(?::uuid[])",
                        due.steps, due.steps)
                .from("FROM plan_step WHERE id = ANY(?::uuid[])", due.steps)
                .from("FROM meeting_participant WHERE meeting_id = ANY(?::uuid[])", due.meetings)
                .from("FROM meeting_organisation WHERE meeting_id = ANY(?::uuid[])", due.meetings)
                .from("FROM meeting WHERE id = ANY(?::uuid[])", due.meetings)
                .from("FROM plan_need WHERE plan_id = ANY(?::uuid[])", due.plans)
                .from("FROM plan_track WHERE plan_id = ANY(?::uuid[])", due.plans)
                .from("FROM plan_review WHERE plan_id = ANY(?::uuid[])", due.plans)
                .from("FROM support_person WHERE plan_id = ANY(?::uuid[])", due.plans)
                .from("FROM plan WHERE id = ANY(?::uuid[])", due.plans)
                .from("FROM referral_status WHERE referral_id = ANY(?::uuid[])", due.referrals)
                .from("FROM referral WHERE id = ANY(?::uuid[])", due.referrals)
                .from("FROM journey_event WHERE id = ANY(?::bigint[])", due.journey)
                .from("FROM enrolment WHERE id = ANY(?::uuid[])", due.enrolments);
    }
}
