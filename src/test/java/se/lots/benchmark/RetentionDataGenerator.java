package se.lots.benchmark;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data a retention run (gallring) works through, for one municipality's KAA register and the plans, journey and
 * booked times around it, built with the other benchmarks' generators: a share of the municipality's persons have KAA
 * episodes that closed more than five years ago (generated as the register of six and ten years ago, then closed within
 * a year of it), so that the KAA rule's default period (60 months after the close) has run out for them; the persons of
 * KAA age today get open episodes (never due); plans, steps and journey events ({@link PlanDataGenerator}) and
 * enrolments and booked times ({@link CaseWorkerDayGenerator}) go to the municipality's persons whoever they are, the
 * due persons' plans, steps (done), journey events and booked times moved six years back (their open enrolments, one
 * plan in four, stay open and keep them); and the audit log has {@code auditPerPerson} entries about each of
 * the municipality's persons (written through the log's own trigger, so each is chained and sealed with the person's
 * key). Benchmark and test tool only: it writes the modules' tables directly.
 */
final class RetentionDataGenerator {

    /** {@code dueEpisodes}: the closed, old episodes; {@code duePersons}: the persons they belong to. */
    record Generated(long dueEpisodes, long duePersons, long openEpisodes, long plans, long steps, long events,
            long appointments, long auditEntries, Duration took) {
    }

    private final DataSource owner;
    private final JdbcClient sql;

    RetentionDataGenerator(DataSource ownerDataSource) {
        this.owner = ownerDataSource;
        this.sql = JdbcClient.create(ownerDataSource);
    }

    /**
     * For the municipality {@code organisationId}'s persons already in the registry: {@code duePersons} with old closed
     * episodes, up to {@code openEpisodes} open ones, {@code plans} plans with {@code steps} steps and {@code events}
     * journey events shared out among {@code caseWorkers}.
     */
    Generated generate(long organisationId, long userId, List<Long> caseWorkers, int duePersons, int openEpisodes,
            int plans, int steps, int events, int auditPerPerson, LocalDate today, double seed) {
        long t0 = System.nanoTime();
        var kaa = new KaaRegisterGenerator(owner);
        // the register as it was six and ten years ago: then 16–19, now 22–25 and 26–29
        int sixYearsAgo = kaa.generate(organisationId, duePersons / 2, today.minusYears(6), seed).episodes();
        int tenYearsAgo = kaa.generate(organisationId, duePersons - sixYearsAgo, today.minusYears(10), seed / 2)
                .episodes();
        // each closed within a year of its register's day, so more than five years before today
        long closed = sql.sql("""
                UPDATE kaa_episode SET exited_on = registered_on + 30 + (abs(hashtext(id::text)) % 200),
                                       exit_reason = (ARRAY['FYLLT_20', 'PABORJAT_NATIONELLT_PROGRAM', 'FLYTTAT'])
                                                     [1 + abs(hashtext(person_id::text)) % 3]
                 WHERE organisation_id = ? AND exited_on IS NULL""").param(organisationId).update();
        int open = kaa.generate(organisationId, openEpisodes, today, seed / 3).episodes();
        var planned = new PlanDataGenerator(owner).generate(organisationId, userId, caseWorkers, plans, steps, events);
        var day = new CaseWorkerDayGenerator(owner).generate(organisationId, userId, caseWorkers, planned.batch(),
                today, today.atTime(12, 0).atZone(java.time.ZoneId.of("Europe/Stockholm")).toInstant());
        // the due persons' plans are as old as their KAA time: the journey, the steps (done), the booked times and the
        // plan written six years ago, so that the plan and appointment rules' periods have run out too, except where an
        // enrolment is still open
        String due = """
                SELECT person_id FROM kaa_episode WHERE organisation_id = %d
                 GROUP BY person_id HAVING bool_and(exited_on IS NOT NULL)""".formatted(organisationId);
        sql.sql("UPDATE journey_event SET occurred_on = occurred_on - 2190,"
                + " recorded_at = recorded_at - interval '6 years' WHERE person_id IN (" + due + ")").update();
        sql.sql("""
                UPDATE plan_step s SET status = 'KLAR', due_on = s.due_on - 2190,
                                       created_at = s.created_at - interval '6 years',
                                       updated_at = s.updated_at - interval '6 years'
                  FROM plan p WHERE p.id = s.plan_id AND p.person_id IN (""" + due + ")").update();
        sql.sql("UPDATE appointment SET starts_at = starts_at - interval '6 years', ends_at = ends_at - interval"
                + " '6 years', created_at = created_at - interval '6 years', attendance = coalesce(attendance, 'KOM'),"
                + " attendance_at = coalesce(attendance_at, ends_at) - interval '6 years',"
                + " attendance_by = coalesce(attendance_by, with_user_id) WHERE person_id IN (" + due + ")").update();
        sql.sql("UPDATE plan SET created_at = created_at - interval '6 years', updated_at = updated_at - interval"
                + " '6 years', next_review_on = next_review_on - 2190 WHERE person_id IN (" + due + ")").update();
        long audited = auditPerPerson == 0 ? 0 : sql.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id,
                                         detail, prev_hash, hash)
                SELECT 'system:benchmark', y.owner_organisation_id, NULL, y.id, 'READ', 'EGEN_ORGANISATION', NULL,
                       'Läst ' || n, '', ''
                  FROM young_person y CROSS JOIN generate_series(1, ?) n
                 WHERE y.owner_organisation_id = ?
                 ORDER BY n, y.id""").param(auditPerPerson).param(organisationId).update();
        for (String table : new String[] { "kaa_episode", "kaa_status", "contact_attempt", "journey_event",
            "audit_entry", "audit_person_key" }) {
            sql.sql("VACUUM (ANALYZE) " + table).update();
        }
        long persons = sql.sql("""
                SELECT count(DISTINCT person_id) FROM kaa_episode
                 WHERE organisation_id = ? AND exited_on IS NOT NULL""")
                .param(organisationId).query(Long.class).single();
        return new Generated(closed, persons, open, planned.plans(), planned.steps(), planned.events(),
                day.appointments(), audited, Duration.ofNanos(System.nanoTime() - t0));
    }
}
