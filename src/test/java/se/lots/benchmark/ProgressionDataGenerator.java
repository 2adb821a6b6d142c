package se.lots.benchmark;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-up data at national scale, set-based and deterministic (every value a function of the row number over the
 * persons in id order): one enrolment per person (up to {@code participants}) in the given programme, started over the
 * last two years, two in three discharged within a month (one in five of those transferred, to keep movements in), a participant
 * row and a START registration for each, and a SLUT registration for each discharged one, each with a source of income;
 * a plan with one step for three in five, and two contacts each.
 */
final class ProgressionDataGenerator {

    record Generated(long enrolments, long registrations, Duration took) {
    }

    private final JdbcClient sql;

    ProgressionDataGenerator(DataSource ownerDataSource) {
        this.sql = JdbcClient.create(ownerDataSource);
    }

    Generated generate(long programmeId, long organisationId, long userId, int participants) {
        long t0 = System.nanoTime();
        long enrolled = sql.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, reason, ended_on,
                                       end_reason, created_by)
                SELECT y.id, :programme, :org, d.started_on, 'Benchmark',
                       CASE WHEN y.g % 3 <> 0 THEN d.started_on + (y.g * 31 % 30)::int END,
                       CASE WHEN y.g % 3 <> 0 THEN (ARRAY['ARBETE', 'STUDIER', 'AVBRUTIT', 'ANNAN_INSATS', 'OVERFORD'])
                                                   [1 + y.g % 5] END, :user
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM young_person ORDER BY id LIMIT :n) y
                 CROSS JOIN LATERAL (SELECT current_date - 730 + (y.g * 7919 % 700)::int AS started_on) d""")
                .param("programme", programmeId).param("org", organisationId).param("user", userId)
                .param("n", participants).update();
        sql.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year,
                                         municipality_code, started_on, ended_on, created_by)
                SELECT e.programme_id, e.organisation_id, e.id, y.gender, y.birth_year, y.municipality_code,
                       e.started_on, e.ended_on, :user
                  FROM enrolment e JOIN young_person y ON y.id = e.person_id WHERE e.programme_id = :programme""")
                .param("programme", programmeId).param("user", userId).update();
        long registered = sql.sql("""
                INSERT INTO registration (participant_id, kind, measured_on, occupation, work_extent, education_level,
                                          registered_at_af, created_by)
                SELECT p.id, k.kind, CASE k.kind WHEN 'START' THEN p.started_on ELSE p.ended_on END, o.occupation,
                       CASE WHEN o.occupation = 'ARBETAR' THEN 50 END, 'GYMNASIAL', x.g % 2 = 0, :user
                  FROM (SELECT p.*, row_number() OVER (ORDER BY p.id) AS g FROM participant p
                         WHERE p.programme_id = :programme) p
                 CROSS JOIN LATERAL (SELECT p.g) x(g)
                 CROSS JOIN (VALUES ('START'), ('SLUT')) k(kind)
                 CROSS JOIN LATERAL (SELECT CASE k.kind
                        WHEN 'START' THEN (ARRAY['ARBETSSOKANDE', 'INGEN_SYSSELSATTNING', 'SJUKSKRIVEN', 'ANNAN'])[1 + x.g % 4]
                        ELSE (ARRAY['ARBETAR', 'STUDERAR', 'ARBETSSOKANDE', 'INGEN_SYSSELSATTNING', 'ANNAN'])[1 + x.g % 5]
                        END AS occupation) o
                 WHERE k.kind = 'START' OR p.ended_on IS NOT NULL""")
                .param("programme", programmeId).param("user", userId).update();
        sql.sql("""
                INSERT INTO registration_income (registration_id, income_source)
                SELECT r.id, (ARRAY['A_KASSA', 'EKONOMISKT_BISTAND', 'AKTIVITETSSTOD', 'LON', 'STUDIEMEDEL'])
                             [1 + (abs(hashtext(r.id::text)) % 5)]
                  FROM registration r JOIN participant p ON p.id = r.participant_id WHERE p.programme_id = :programme""")
                .param("programme", programmeId).update();
        // a plan for three in five, its first step written 0–239 days after the start (so some within six months of
        // it and some later), and two contacts by the programme's organisation while enrolled, for the goals to count
        sql.sql("""
                WITH p AS (
                    INSERT INTO plan (person_id, created_by, created_at, updated_by, updated_at)
                    SELECT e.person_id, :user, s.at, :user, s.at
                      FROM (SELECT e.*, row_number() OVER (ORDER BY e.id) AS g FROM enrolment e
                             WHERE e.programme_id = :programme) e
                     CROSS JOIN LATERAL (SELECT LEAST(now(), (e.started_on + (e.g * 13 % 240)::int) + time '10:00')
                                         AS at) s
                     WHERE e.g % 5 < 3 AND NOT EXISTS (SELECT 1 FROM plan o WHERE o.person_id = e.person_id)
                    RETURNING id, created_at),
                t AS (
                    INSERT INTO plan_track (plan_id, kind, position) SELECT id, 'ARBETE', 0 FROM p
                    RETURNING id, plan_id)
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_party, title, status, created_by,
                                       created_at, updated_by, updated_at)
                SELECT p.id, t.id, :org, 'KOMMUNEN', 'Praktik', 'PAGAR', :user, p.created_at, :user, p.created_at
                  FROM p JOIN t ON t.plan_id = p.id""")
                .param("programme", programmeId).param("org", organisationId).param("user", userId).update();
        // two contacts and one group activity each, written in SQL past the plan module's events (as the enrolments
        // and plan steps above): the programme's units are refreshed once below, after the journey has statistics
        sql.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, kind, summary)
                SELECT e.person_id, :org, :user,
                       e.started_on + ((abs(hashtext(e.id::text || k.n)) % 1000)::int
                                       % (coalesce(e.ended_on, current_date) - e.started_on + 1)),
                       k.kind, k.summary
                  FROM enrolment e
                 CROSS JOIN (VALUES ('a', 'KONTAKT', 'Samtal'), ('b', 'KONTAKT', 'Samtal'),
                                    ('g', 'GRUPPAKTIVITET', 'Gruppträff')) k(n, kind, summary)
                 WHERE e.programme_id = :programme""")
                .param("programme", programmeId).param("org", organisationId).param("user", userId).update();
        sql.sql("VACUUM (ANALYZE) journey_event").update();
        sql.sql("SELECT follow_up_unit_refresh(ARRAY(SELECT id FROM enrolment WHERE programme_id = :programme))")
                .param("programme", programmeId).query().listOfRows();
        for (String table : new String[] { "enrolment", "participant", "registration", "registration_income", "plan",
            "plan_track", "plan_step" }) {
            sql.sql("VACUUM (ANALYZE) " + table).update();
        }
        // each of the statements above but the last refreshed every unit (V29), leaving dead versions of each row; a
        // database written one participant at a time reuses that space as it goes, so compact it once here
        sql.sql("VACUUM (FULL, ANALYZE) follow_up_unit").update();
        return new Generated(enrolled, registered, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * The report's main table written by hand, as one would for a one-off answer: registered, discharged and active
     * by gender and age band, in one statement. It counts what the report counts (the anonymous participants, not the
     * enrolments they replace; an end without a reason is a discharge), so the two can be compared cell by cell.
     */
    static final String HAND_WRITTEN_MAIN_TABLE = """
            SELECT CASE WHEN gender IN ('KVINNA', 'MAN') THEN gender ELSE 'ANNAT' END AS gender,
                   CASE WHEN age BETWEEN 16 AND 19 THEN 0 WHEN age BETWEEN 20 AND 24 THEN 1
                        WHEN age BETWEEN 25 AND 29 THEN 2 ELSE 3 END AS band,
                   count(*) FILTER (WHERE started_on >= :from) AS registered,
                   count(*) FILTER (WHERE ended_on BETWEEN :from AND :to
                                      AND coalesce(end_reason NOT IN ('OVERFORD', 'FELREGISTRERAD'), true)) AS discharged,
                   count(*) FILTER (WHERE ended_on IS NULL OR ended_on >= :from) AS active
              FROM (SELECT coalesce(p.gender, y.gender) AS gender,
                           extract(year FROM e.started_on)::int - coalesce(p.birth_year, y.birth_year) AS age,
                           e.started_on, e.ended_on, e.end_reason
                      FROM enrolment e JOIN young_person y ON y.id = e.person_id
                      LEFT JOIN participant p ON p.enrolment_id = e.id
                     WHERE e.programme_id = :programme AND e.started_on <= :to
                       AND NOT EXISTS (SELECT 1 FROM anonymous_enrolment a WHERE a.enrolment_id = e.id)
                    UNION ALL
                    SELECT p.gender, extract(year FROM p.started_on)::int - p.birth_year, p.started_on, p.ended_on, NULL
                      FROM participant p
                     WHERE p.programme_id = :programme AND p.enrolment_id IS NULL AND p.started_on <= :to) x
             GROUP BY 1, 2""";
}
