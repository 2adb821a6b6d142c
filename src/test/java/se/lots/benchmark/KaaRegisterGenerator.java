package se.lots.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Fills one municipality's KAA register from persons already in the registry: open episodes for those of KAA age,
 * a status history (one to three statuses, a quarter of them past their review date) and up to five contact
 * attempts each, some assigned to the municipality's staff. Plain SQL with a fixed seed, so that two runs build the
 * same register. Benchmark and test tool only: it bypasses the KAA service (and so its audit).
 */
final class KaaRegisterGenerator {

    record Generated(int episodes, int statuses, int attempts) {
    }

    private final DataSource owner;

    KaaRegisterGenerator(DataSource owner) {
        this.owner = owner;
    }

    /** Up to {@code episodes} open episodes for persons aged 16–19 held by the organisation who have none yet. */
    Generated generate(long organisationId, int episodes, LocalDate today, double seed) {
        // random() is per connection: one connection for all statements, so that the seed makes runs repeatable
        try (Connection connection = owner.getConnection()) {
            return generate(JdbcClient.create(new SingleConnectionDataSource(connection, true)), organisationId,
                    episodes, today, seed);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Generated generate(JdbcClient owner, long organisationId, int episodes, LocalDate today,
            double seed) {
        owner.sql("SELECT 1 FROM (SELECT setseed(?)) s").param(seed).query(Integer.class).single();
        int created = owner.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason, school,
                                         school_municipality, programme, left_school_on, assigned_to)
                SELECT y.id, y.owner_organisation_id, :today - (random() * 500)::int,
                       (ARRAY['AVBRUTIT_NATIONELLT_PROGRAM', 'SLUTAT_MED_STUDIEBEVIS', 'ALDRIG_PABORJAT',
                              'AVBRUTIT_INTRODUKTIONSPROGRAM'])[1 + (random() * 3)::int],
                       'Gymnasieskola ' || (1 + (random() * 30)::int), NULL, 'EL', :today - (520 + random() * 300)::int,
                       CASE WHEN random() < 0.4 THEN (SELECT u.id FROM user_account u
                                                       WHERE u.organisation_id = y.owner_organisation_id
                                                         AND u.role IN ('KAA_COORDINATOR', 'CASE_WORKER')
                                                       ORDER BY u.id LIMIT 1) END
                  FROM young_person y
                 WHERE y.owner_organisation_id = :org
                   AND y.birth_date > :today - interval '20 years' AND y.birth_date <= :today - interval '16 years'
                   AND NOT EXISTS (SELECT 1 FROM kaa_episode e WHERE e.person_id = y.id AND e.organisation_id = :org
                                      AND e.exited_on IS NULL)
                 ORDER BY y.id
                 LIMIT :episodes""")
                .param("today", today).param("org", organisationId).param("episodes", episodes).update();
        int statuses = owner.sql("""
                INSERT INTO kaa_status (person_id, organisation_id, status, ascertained_on, source, review_on)
                SELECT e.person_id, e.organisation_id, s.status, s.ascertained_on, 'SKOLANS_LISTA',
                       s.ascertained_on + CASE WHEN random() < 0.25 THEN 20 ELSE 30 + (random() * 150)::int END
                  FROM kaa_episode e
                  CROSS JOIN LATERAL (
                       SELECT (ARRAY['OKAND', 'OKAND', 'KONTAKTAD', 'I_ATGARD', 'STUDERAR_X', 'ARBETAR',
                                     'EJ_ANTRAFFBAR', 'AVBOJER'])[1 + (random() * 7)::int] AS status,
                              greatest(e.registered_on, :today - (random() * 120)::int) AS ascertained_on
                         FROM generate_series(1, 1 + (random() * 2)::int + (e.id IS NULL)::int)) s
                 WHERE e.organisation_id = :org AND e.exited_on IS NULL""")
                .param("today", today).param("org", organisationId).update();
        // a status of studies needs a kind (a CHECK); the lateral above marks them, this gives the kind
        owner.sql("UPDATE kaa_status SET status = 'STUDERAR', study_kind = 'KOMVUX' WHERE status = 'STUDERAR_X'")
                .update();
        int attempts = owner.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome)
                SELECT e.person_id, e.organisation_id,
                       (ARRAY['BREV', 'SMS', 'TELEFON', 'HEMBESOK'])[1 + (random() * 3)::int],
                       :today - (random() * 90)::int,
                       (SELECT u.id FROM user_account u WHERE u.organisation_id = e.organisation_id
                         ORDER BY u.id LIMIT 1),
                       (ARRAY['EJ_NADD', 'EJ_NADD', 'NADD', 'LAMNAT_MEDDELANDE'])[1 + (random() * 3)::int]
                  FROM kaa_episode e
                  CROSS JOIN LATERAL generate_series(1, (random() * 5)::int + (e.id IS NULL)::int) n
                 WHERE e.organisation_id = :org AND e.exited_on IS NULL""")
                .param("today", today).param("org", organisationId).update();
        return new Generated(created, statuses, attempts);
    }
}
