package se.lots.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The baseline a retention run is measured against: the rows it removes, removed by hand with plain statements in one
 * transaction that is rolled back. The same WHERE as the erasers (today the KAA register's, {@code KaaRetention}: a
 * person is due in a municipality when all their episodes there closed before the rule's period began; children
 * before parents), then the due persons no table refers to any more are deleted from {@code young_person} (the
 * referring tables read from the schema's foreign keys) and forgotten in the audit log in one statement
 * ({@code audit_forget_person} over them all: the log's trigger lets nothing else clear a row, and a plain
 * {@code DELETE} of the log is refused). No framework, no module API, no per-person round trip, no log entry of its
 * own. A register whose eraser is added to the run must get its plain statements here too: the smoke test compares the
 * rows per table of both.
 */
final class PlainRetentionDeletes {

    /** Rows removed per table (the audit log's: entries made unidentifiable), the persons forgotten, the time. */
    record Removed(Map<String, Long> rows, long forgotten, Duration took, Duration forgetting) {
    }

    private static final List<String> KAA_TABLES = List.of("home_visit", "kaa_measure", "kaa_move", "kaa_placement",
            "school_signal", "contact_attempt", "kaa_status", "kaa_episode");

    private final DataSource app;

    /** {@code app}: the application's data source, so that the statements run as the application's role does. */
    PlainRetentionDeletes(DataSource app) {
        this.app = app;
    }

    /** {@code kaaKeptFrom}: per municipality, the first day its KAA rule keeps ({@code RetentionRule.keptFrom}). */
    Removed removeAndRollBack(Map<Long, LocalDate> kaaKeptFrom) {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return remove(JdbcClient.create(new SingleConnectionDataSource(connection, true)), kaaKeptFrom);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Removed remove(JdbcClient sql, Map<Long, LocalDate> kaaKeptFrom) {
        long t0 = System.nanoTime();
        var rows = new LinkedHashMap<String, Long>();
        KAA_TABLES.forEach(t -> rows.put(t, 0L));
        var due = new java.util.LinkedHashSet<UUID>();
        for (var municipality : kaaKeptFrom.entrySet()) {
            long org = municipality.getKey();
            UUID[] persons = sql.sql("""
                    SELECT person_id FROM kaa_episode WHERE organisation_id = ?
                     GROUP BY person_id
                    HAVING bool_and(exited_on IS NOT NULL) AND max(exited_on) < ?""")
                    .params(org, municipality.getValue()).query(UUID.class).list().toArray(UUID[]::new);
            if (persons.length == 0) {
                continue;
            }
            due.addAll(List.of(persons));
            UUID[] episodes = sql.sql("SELECT id FROM kaa_episode WHERE organisation_id = ?"
                    + " AND person_id = ANY(?::uuid[])").params(org, persons).query(UUID.class).list()
                    .toArray(UUID[]::new);
            sql.sql("UPDATE kaa_move SET opened_episode_id = NULL WHERE opened_episode_id = ANY(?::uuid[])")
                    .param(episodes).update();
            add(rows, "home_visit", sql.sql("DELETE FROM home_visit WHERE episode_id = ANY(?::uuid[])")
                    .param(episodes));
            add(rows, "kaa_measure", byPerson(sql, "kaa_measure", org, persons));
            add(rows, "kaa_move", sql.sql("DELETE FROM kaa_move WHERE closed_episode_id = ANY(?::uuid[])")
                    .param(episodes));
            for (String table : List.of("kaa_placement", "school_signal", "contact_attempt", "kaa_status",
                    "kaa_episode")) {
                add(rows, table, byPerson(sql, table, org, persons));
            }
        }
        // the persons nothing refers to any more: the registry's record goes, and the log forgets them
        long t1 = System.nanoTime();
        UUID[] candidates = due.toArray(UUID[]::new);
        String notReferred = String.join(" AND ", sql.sql("""
                SELECT format('NOT EXISTS (SELECT 1 FROM %I r WHERE r.%I = y.id)', c.conrelid::regclass, a.attname)
                  FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 WHERE c.contype = 'f' AND c.confrelid = 'young_person'::regclass
                 ORDER BY 1""").query(String.class).list());
        UUID[] forgotten = sql.sql("DELETE FROM young_person y WHERE y.id = ANY(?::uuid[]) AND " + notReferred
                + " RETURNING y.id").param(candidates).query(UUID.class).list().toArray(UUID[]::new);
        rows.put("young_person", (long) forgotten.length);
        rows.put("audit_entry", forgotten.length == 0 ? 0L
                : sql.sql("SELECT coalesce(sum(audit_forget_person(p)), 0) FROM unnest(?::uuid[]) p")
                        .param(forgotten).query(Long.class).single());
        long t2 = System.nanoTime();
        return new Removed(rows, forgotten.length, Duration.ofNanos(t2 - t0), Duration.ofNanos(t2 - t1));
    }

    private static JdbcClient.StatementSpec byPerson(JdbcClient sql, String table, long org, UUID[] persons) {
        return sql.sql("DELETE FROM " + table + " WHERE organisation_id = ? AND person_id = ANY(?::uuid[])")
                .params(org, persons);
    }

    private static void add(Map<String, Long> rows, String table, JdbcClient.StatementSpec delete) {
        rows.merge(table, (long) delete.update(), Long::sum);
    }
}
