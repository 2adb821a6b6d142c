package se.lots.benchmark;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a case worker's start page reads besides the plans ({@link PlanDataGenerator}), set-based and deterministic
 * (every value a function of row numbers): an open enrolment for one plan in four in the organisation's programmes,
 * with the plan's coordinator as contact person and a SUS start registration, except that every third case worker
 * has one to four enrolments still without one (the start page's "Inskrivningar utan startregistrering"); and six
 * booked times a week per case worker with persons of their caseload, from four weeks before this week to two weeks
 * after it, the past ones with attendance recorded but for one in twenty (the start page's "Mina möten denna
 * vecka" and "Närvaro att registrera"). No reminders are written (the reminder sender would send them).
 * Benchmark and test tool only: it writes the plan, progression and appointment modules' tables directly.
 */
final class CaseWorkerDayGenerator {

    /**
     * {@code withoutStart}: open enrolments without a start registration, {@code thisWeek}: booked times from Monday
     * to Sunday of the week of {@code today}.
     */
    record Generated(long enrolments, long withoutStart, long appointments, long thisWeek, Duration took) {
    }

    static final int ENROL_EVERY = 4;
    static final int TIMES_PER_WEEK = 6;
    static final int WEEKS_BEFORE = 4;
    static final int WEEKS_AFTER = 2;

    private final JdbcClient sql;

    CaseWorkerDayGenerator(DataSource ownerDataSource) {
        this.sql = JdbcClient.create(ownerDataSource);
    }

    /**
     * For the plans of {@code batch} ({@link PlanDataGenerator.Generated#batch()}) coordinated by {@code caseWorkers}
     * in {@code organisationId}, whose active programmes take the enrolments (one is created if it has none).
     */
    Generated generate(long organisationId, long userId, List<Long> caseWorkers, String batch, LocalDate today,
            Instant now) {
        long t0 = System.nanoTime();
        Long[] workers = caseWorkers.toArray(Long[]::new);
        sql.sql("""
                INSERT INTO programme (organisation_id, name)
                SELECT :org, 'Ungdomsteamet' WHERE NOT EXISTS (SELECT 1 FROM programme WHERE organisation_id = :org
                                                                                        AND active)""")
                .param("org", organisationId).update();
        Long[] programmes = sql.sql("SELECT id FROM programme WHERE organisation_id = ? AND active ORDER BY id")
                .param(organisationId).query(Long.class).list().toArray(Long[]::new);
        long enrolled = sql.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, contact_user_id, reason,
                                       created_by)
                SELECT p.person_id, (:programmes::bigint[])[1 + p.i % cardinality(:programmes::bigint[])], :org,
                       :today::date - (p.i * 7919 % 300)::int, p.coordinator_user_id, 'Benchmark ' || :batch, :user
                  FROM (SELECT person_id, coordinator_user_id, row_number() OVER (ORDER BY id) AS i,
                               row_number() OVER (PARTITION BY coordinator_user_id ORDER BY id) AS k FROM plan
                         WHERE goal = 'Mål ' || :batch AND coordinator_user_id = ANY (:workers::bigint[])) p
                 WHERE p.k % :every = 0""")
                .param("programmes", programmes).param("org", organisationId).param("today", today)
                .param("user", userId).param("batch", batch).param("workers", workers).param("every", ENROL_EVERY)
                .update();
        // the start registration for all but, with every third case worker, their one to four oldest enrolments
        long registered = sql.sql("""
                WITH r AS (
                    SELECT e.id, e.programme_id, e.organisation_id, e.started_on, coalesce(y.gender, 'ANNAT') AS gender,
                           coalesce(y.birth_year, extract(year FROM y.birth_date)::int) AS birth_year,
                           y.municipality_code
                      FROM (SELECT e.*, array_position(:workers::bigint[], e.contact_user_id) AS w,
                                   row_number() OVER (PARTITION BY e.contact_user_id ORDER BY e.started_on, e.id) AS k
                              FROM enrolment e WHERE e.reason = 'Benchmark ' || :batch) e
                      JOIN young_person y ON y.id = e.person_id
                     WHERE NOT (e.w % 3 = 0 AND e.k <= 1 + e.w % 4)),
                p AS (
                    INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year,
                                             municipality_code, started_on, created_by)
                    SELECT programme_id, organisation_id, id, gender, birth_year, municipality_code, started_on, :user
                      FROM r
                    RETURNING id, started_on)
                INSERT INTO registration (participant_id, kind, measured_on, occupation, education_level,
                                          registered_at_af, created_by)
                SELECT id, 'START', started_on, 'ARBETSSOKANDE', 'GYMNASIAL', true, :user FROM p""")
                .param("workers", workers).param("batch", batch).param("user", userId).update();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // a worker's times: weekday and hour turn with the worker and the slot; the person is one of the plans the
        // worker coordinates, a different one for each time (k-th of the worker's plans)
        long booked = sql.sql("""
                WITH caseload AS (
                    SELECT person_id, coordinator_user_id AS worker, array_position(:workers::bigint[], coordinator_user_id) AS w,
                           row_number() OVER (PARTITION BY coordinator_user_id ORDER BY id) AS k,
                           count(*) OVER (PARTITION BY coordinator_user_id) AS c
                      FROM plan WHERE goal = 'Mål ' || :batch AND coordinator_user_id = ANY (:workers::bigint[])),
                times AS (
                    SELECT c.person_id, c.worker, wk.week, s.slot,
                           ((:monday::date + 7 * wk.week + (c.w + s.slot * 2) % 5)
                            + make_time(8 + (c.w * 3 + s.slot * 5) % 8, 15 * ((c.w + s.slot) % 4), 0))
                             AT TIME ZONE 'Europe/Stockholm' AS starts_at
                      FROM generate_series(-:before, :after) AS wk(week)
                     CROSS JOIN generate_series(0, :slots - 1) AS s(slot)
                      JOIN caseload c ON c.k = 1 + ((wk.week + :before) * :slots + s.slot) % c.c)
                INSERT INTO appointment (person_id, organisation_id, with_user_id, starts_at, ends_at, place, purpose,
                                         context, reminder_channel, attendance, attendance_by, attendance_at,
                                         created_by, created_at)
                SELECT t.person_id, :org, t.worker, t.starts_at, t.starts_at + interval '45 minutes',
                       'Storgatan ' || (1 + t.slot) || ', Svalöv', 'Uppföljning', 'PLAN', 'INGEN', a.attendance,
                       CASE WHEN a.attendance IS NOT NULL THEN t.worker END,
                       CASE WHEN a.attendance IS NOT NULL THEN least(:now::timestamptz, t.starts_at + interval '2 hours') END,
                       t.worker, least(:now::timestamptz, t.starts_at - interval '14 days')
                  FROM times t
                 CROSS JOIN LATERAL (SELECT CASE WHEN t.starts_at + interval '45 minutes' > :now::timestamptz THEN NULL
                                                 ELSE (ARRAY[NULL, 'UTEBLEV', 'UTEBLEV', 'INSTALLD', 'KOM', 'KOM', 'KOM',
                                                             'KOM', 'KOM', 'KOM', 'KOM', 'KOM', 'KOM', 'KOM', 'KOM',
                                                             'KOM', 'KOM', 'KOM', 'KOM', 'KOM'])
                                                      [1 + ((t.week + :before + 7 * t.slot + 3 * t.worker) % 20)::int] END
                                                 AS attendance) a""")
                .param("workers", workers).param("batch", batch).param("monday", monday)
                .param("before", WEEKS_BEFORE).param("after", WEEKS_AFTER).param("slots", TIMES_PER_WEEK)
                .param("org", organisationId).param("now", now.atOffset(java.time.ZoneOffset.UTC)).update();
        long thisWeek = sql.sql("""
                SELECT count(*) FROM appointment WHERE with_user_id = ANY (:workers::bigint[])
                   AND starts_at >= (:monday::date + time '00:00') AT TIME ZONE 'Europe/Stockholm'
                   AND starts_at < (:monday::date + 7 + time '00:00') AT TIME ZONE 'Europe/Stockholm'""")
                .param("workers", workers).param("monday", monday).query(Long.class).single();
        for (String table : new String[] { "enrolment", "participant", "registration", "appointment" }) {
            sql.sql("VACUUM (ANALYZE) " + table).update();
        }
        return new Generated(enrolled, enrolled - registered, booked, thisWeek,
                Duration.ofNanos(System.nanoTime() - t0));
    }
}
