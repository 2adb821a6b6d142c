package se.lots.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans at national scale, set-based: a plan with the four standard tracks for {@code plans} persons held by the
 * organisation, each plan coordinated by one of the given case workers (in turn) with a review date around today,
 * {@code steps} steps spread over those tracks (30 % named for the plan's case worker, due dates around today, one
 * in ten confidential), and {@code events} journey rows spread over the plans' persons.
 */
final class PlanDataGenerator {

    /** {@code batch}: the suffix of every plan goal and step title this run wrote. */
    record Generated(long plans, long steps, long events, Duration took, String batch) {
    }

    private final JdbcClient sql;

    PlanDataGenerator(DataSource ownerDataSource) {
        this.sql = JdbcClient.create(ownerDataSource);
    }

    Generated generate(long organisationId, long userId, List<Long> caseWorkers, int plans, int steps, int events) {
        Long[] workers = caseWorkers.toArray(Long[]::new);
        long t0 = System.nanoTime();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        long plansMade = sql.sql("""
                INSERT INTO plan (person_id, goal, created_by, updated_by)
                SELECT y.id, 'Mål ' || :batch, :user, :user FROM young_person y
                 WHERE y.owner_organisation_id = :org AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.person_id = y.id)
                 ORDER BY y.id LIMIT :plans""")
                .param("batch", batch).param("user", userId).param("org", organisationId).param("plans", plans)
                .update();
        sql.sql("""
                WITH n AS (SELECT id, row_number() OVER (ORDER BY id) AS i FROM plan WHERE goal = 'Mål ' || :batch)
                UPDATE plan p SET coordinator_user_id = (:workers::bigint[])[1 + n.i % cardinality(:workers::bigint[])],
                                  next_review_on = current_date + (n.i % 90)::int - 30
                  FROM n WHERE n.id = p.id""").param("batch", batch).param("workers", workers).update();
        sql.sql("""
                INSERT INTO plan_track (plan_id, kind, position)
                SELECT p.id, k.kind, k.position FROM plan p
                 CROSS JOIN (VALUES ('ARBETE', 0), ('UTBILDNING', 1), ('HALSA', 2), ('VARDAG', 3)) AS k(kind, position)
                 WHERE p.goal = 'Mål ' || :batch""").param("batch", batch).update();
        // steps and events are spread by joining a numbered list, not by indexing big arrays: a subscript into an
        // array of 800 000 track ids is read again for every row (quadratic, and it filled the disk at full size)
        long stepsMade = sql.sql("""
                WITH t AS (SELECT tr.id, tr.plan_id, p.coordinator_user_id, row_number() OVER (ORDER BY tr.id) - 1 AS n
                             FROM plan_track tr JOIN plan p ON p.id = tr.plan_id WHERE p.goal = 'Mål ' || :batch),
                     c AS (SELECT count(*) AS total FROM t)
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_user_id, responsible_party, title,
                                       next_step, due_on, status, confidential, created_by, updated_by)
                SELECT t.plan_id, t.id, :org, CASE WHEN g % 10 < 3 THEN t.coordinator_user_id END, 'KOMMUNEN',
                       'Steg ' || g || ' ' || :batch, 'Nästa ' || g, current_date + (g % 120)::int - 60,
                       (ARRAY['PLANERAD', 'PAGAR', 'KLAR', 'PLANERAD'])[1 + g % 4], g % 10 = 9, :user, :user
                  FROM c CROSS JOIN generate_series(1, :steps) AS g JOIN t ON t.n = g % c.total""")
                .param("batch", batch).param("org", organisationId).param("user", userId).param("steps", steps)
                .update();
        long eventsMade = sql.sql("""
                WITH p AS (SELECT person_id, row_number() OVER (ORDER BY id) - 1 AS n FROM plan
                            WHERE goal = 'Mål ' || :batch),
                     c AS (SELECT count(*) AS total FROM p)
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, kind, summary)
                SELECT p.person_id, :org, :user, current_date - (g % 700)::int, 'KONTAKT', 'Kontakt ' || g
                  FROM c CROSS JOIN generate_series(1, :events) AS g JOIN p ON p.n = g % c.total""")
                .param("batch", batch).param("org", organisationId).param("user", userId).param("events", events)
                .update();
        for (String table : new String[] { "plan", "plan_track", "plan_step", "journey_event" }) {
            sql.sql("VACUUM (ANALYZE) " + table).update();
        }
        return new Generated(plansMade, stepsMade, eventsMade, Duration.ofNanos(System.nanoTime() - t0), batch);
    }
}
