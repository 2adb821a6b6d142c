package se.lots.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.retention.RetentionRuleService;

/**
 * The baseline a retention run is measured against: exactly the rows it removes, removed with plain statements by
 * primary key in one transaction that is rolled back. Which rows: every eraser's {@link PersonalDataEraser#archiveDue}
 * (the SPI's promise: every row {@code removeDue} would remove, table by table, children before parents), read before
 * the timing starts, as the keys a DBA would have at hand: so this is the floor, deleting the rows, not finding them.
 * Timed, in the run's order (organisation by organisation, register by register): where a row that stays refers to one
 * that goes (a plain foreign key, no ON DELETE action), the reference set to NULL first, as the erasers do; one
 * {@code DELETE … WHERE pk = ANY(…)} per table and register; then the persons no table refers to any more (the
 * schema's foreign keys to {@code young_person}, the consent module's holdings aside: the registry removes those with
 * the person) lose their holdings and their registry record, and are forgotten in the audit log in one statement
 * ({@code audit_forget_person} over them all: the log's trigger lets nothing else clear a row). No module API, no
 * per-person round trip, no log entry of its own.
 */
final class PlainRetentionDeletes {

    /** Rows removed per table (the audit log's: entries made unidentifiable), the persons forgotten, the time. */
    record Removed(Map<String, Long> rows, long forgotten, Duration took, Duration forgetting,
            Map<String, Duration> byTable) {
    }

    /** One table's rows of one eraser's run: the primary key's columns and, per column, the rows' values as text. */
    record Rows(String table, List<String> key, List<String> types, List<List<String>> values) {

        int size() {
            return values.get(0).size();
        }
    }

    /** A reference from a row that stays to a row that goes: {@code table.column} → the removed rows of a step. */
    record Link(String table, String column, String type, String key, String keyType, int step, String target) {
    }

    /**
     * What the run removes, as keys: the steps in the run's order, the links to clear, the persons concerned, and the
     * conditions under which such a person is still held ({@code NOT EXISTS …} over each table that names them).
     */
    record Removal(List<List<Rows>> steps, List<Link> links, Set<UUID> persons, List<String> notHeld) {
    }

    /** The holdings the registry removes with a forgotten person (the consent module's, {@code PersonHoldings}). */
    static final String HOLDINGS = "person_holding";

    private final DataSource app;

    /** {@code app}: the application's data source, so that the statements run as the application's role does. */
    PlainRetentionDeletes(DataSource app) {
        this.app = app;
    }

    /** The rows every eraser would remove in {@code organisations} on {@code today}, as keys (nothing changed). */
    Removal collect(ApplicationContext context, List<OrganisationId> organisations, LocalDate today) {
        List<PersonalDataEraser> erasers = context.getBeanProvider(PersonalDataEraser.class).orderedStream().toList();
        RetentionRuleService rules = context.getBean(RetentionRuleService.class);
        JdbcClient sql = JdbcClient.create(app);
        var steps = new ArrayList<List<Rows>>();
        var persons = new LinkedHashSet<UUID>();
        for (OrganisationId organisation : organisations) {
            for (RetentionRule rule : rules.applied(organisation).stream().map(RetentionRuleService.Applied::rule)
                    .toList()) {
                for (PersonalDataEraser eraser : erasers) {
                    if (!eraser.register().equals(rule.register())
                            || !eraser.recordKinds().contains(rule.recordKind())) {
                        continue;
                    }
                    var tables = new LinkedHashMap<String, Rows>();
                    eraser.archiveDue(organisation, rule, today, (table, json) -> {
                        Rows rows = tables.computeIfAbsent(table, t -> {
                            List<String> key = primaryKey(sql, t);
                            return new Rows(t, key, key.stream().map(k -> type(sql, t, k)).toList(),
                                    key.stream().map(k -> (List<String>) new ArrayList<String>()).toList());
                        });
                        for (int i = 0; i < rows.key().size(); i++) {
                            rows.values().get(i).add(field(json, rows.key().get(i)));
                        }
                        String person = field(json, "person_id");
                        if (person != null) {
                            persons.add(UUID.fromString(person));
                        }
                    });
                    if (!tables.isEmpty()) {
                        steps.add(List.copyOf(tables.values()));
                    }
                }
            }
        }
        return new Removal(steps, links(sql, steps), persons, notHeld(context, sql));
    }

    /** The statements, timed, in a transaction that is rolled back. */
    Removed removeAndRollBack(Removal removal) {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                return remove(JdbcClient.create(new SingleConnectionDataSource(connection, true)), removal);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Removed remove(JdbcClient sql, Removal removal) {
        long t0 = System.nanoTime();
        var rows = new LinkedHashMap<String, Long>();
        var byTable = new LinkedHashMap<String, Duration>();
        for (int s = 0; s < removal.steps().size(); s++) {
            List<Rows> step = removal.steps().get(s);
            for (Link link : removal.links()) {
                if (link.step() == s) {
                    Rows target = step.stream().filter(r -> r.table().equals(link.target())).findFirst().orElseThrow();
                    List<String> staying = step.stream().filter(r -> r.table().equals(link.table())).findFirst()
                            .map(r -> r.values().get(0)).orElse(List.of());
                    sql.sql("UPDATE " + link.table() + " SET " + link.column() + " = NULL WHERE " + link.column()
                            + " = ANY(?::text[]::" + link.type() + "[]) AND NOT " + link.key() + " = ANY(?::text[]::"
                            + link.keyType() + "[])")
                            .params(target.values().get(0).toArray(String[]::new), staying.toArray(String[]::new))
                            .update();
                }
            }
            for (Rows table : step) {
                long d0 = System.nanoTime();
                long n = table.key().size() == 1
                        ? sql.sql("DELETE FROM " + table.table() + " WHERE " + table.key().get(0)
                                + " = ANY(?::text[]::" + table.types().get(0) + "[])")
                                .param(table.values().get(0).toArray(String[]::new)).update()
                        : deleteByCompositeKey(sql, table);
                rows.merge(table.table(), n, Long::sum);
                byTable.merge(table.table(), Duration.ofNanos(System.nanoTime() - d0), Duration::plus);
            }
        }
        // the persons nothing refers to any more: holdings and registry record go, and the log forgets them
        long t1 = System.nanoTime();
        String notReferred = String.join(" AND ", removal.notHeld());
        UUID[] forgotten = sql.sql("SELECT y.id FROM young_person y WHERE y.id = ANY(?::uuid[]) AND " + notReferred)
                .param(removal.persons().toArray(UUID[]::new)).query(UUID.class).list().toArray(UUID[]::new);
        rows.put(HOLDINGS + " (forgotten)", (long) sql.sql("DELETE FROM " + HOLDINGS
                + " WHERE person_id = ANY(?::uuid[])").param(forgotten).update());
        rows.put("young_person", (long) sql.sql("DELETE FROM young_person WHERE id = ANY(?::uuid[])")
                .param(forgotten).update());
        rows.put("audit_entry", forgotten.length == 0 ? 0L
                : sql.sql("SELECT coalesce(sum(audit_forget_person(p)), 0) FROM unnest(?::uuid[]) p")
                        .param(forgotten).query(Long.class).single());
        long t2 = System.nanoTime();
        return new Removed(rows, forgotten.length, Duration.ofNanos(t2 - t0), Duration.ofNanos(t2 - t1), byTable);
    }

    /**
     * A person stays in the registry while a table refers to them: a foreign key to {@code young_person}, or a
     * register's table with a {@code person_id} (a module that may not refer to the registry's table names the person
     * by id), the registry's and the audit log's own tables and the holdings aside.
     */
    private static List<String> notHeld(ApplicationContext context, JdbcClient sql) {
        var tables = new java.util.TreeSet<String>();
        context.getBeanProvider(se.lots.privacy.PersonalDataHolder.class).orderedStream()
                .filter(h -> !Set.of("registry", "audit").contains(h.register()))
                .forEach(h -> tables.addAll(h.tables()));
        tables.remove(HOLDINGS);
        return sql.sql("""
                SELECT DISTINCT format('NOT EXISTS (SELECT 1 FROM %I r WHERE r.%I = y.id)', t, c)
                  FROM (SELECT c.conrelid::regclass::text, a.attname::text
                          FROM pg_constraint c
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                         WHERE c.contype = 'f' AND c.confrelid = 'young_person'::regclass
                        UNION
                        SELECT table_name::text, column_name::text FROM information_schema.columns
                         WHERE table_schema = current_schema() AND column_name = 'person_id'
                           AND table_name = ANY(?::text[])) AS x(t, c)
                 WHERE t <> ?
                 ORDER BY 1""").params(tables.toArray(String[]::new), HOLDINGS).query(String.class).list();
    }

    private static long deleteByCompositeKey(JdbcClient sql, Rows table) {
        var columns = new ArrayList<String>();
        var casts = new ArrayList<String>();
        var arrays = new ArrayList<String>();
        for (int i = 0; i < table.key().size(); i++) {
            columns.add(table.key().get(i));
            casts.add("u.c" + i + "::" + table.types().get(i));
            arrays.add("?::text[]");
        }
        return sql.sql("DELETE FROM " + table.table() + " WHERE (" + String.join(", ", columns) + ") IN (SELECT "
                + String.join(", ", casts) + " FROM unnest(" + String.join(", ", arrays) + ") AS u("
                + String.join(", ", columns.stream().map(c -> "c" + columns.indexOf(c)).toList()) + "))")
                .params(table.values().stream().map(v -> v.toArray(String[]::new)).toArray()).update();
    }

    /**
     * The references the statements must clear first: a plain foreign key (no ON DELETE action) from a nullable column
     * to a table of a step, where a row that stays points at a row that goes (checked now, not timed).
     */
    private static List<Link> links(JdbcClient sql, List<List<Rows>> steps) {
        var links = new ArrayList<Link>();
        for (int s = 0; s < steps.size(); s++) {
            for (Rows target : steps.get(s)) {
                if (target.key().size() != 1) {
                    continue;
                }
                List<String[]> references = sql.sql("""
                        SELECT c.conrelid::regclass::text, a.attname, format_type(a.atttypid, a.atttypmod)
                          FROM pg_constraint c
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                         WHERE c.contype = 'f' AND c.confrelid = ?::regclass AND cardinality(c.conkey) = 1
                           AND c.confdeltype IN ('a', 'r') AND NOT a.attnotnull""").param(target.table())
                        .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
                for (String[] reference : references) {
                    List<String> referenceKey = primaryKey(sql, reference[0]);
                    if (referenceKey.size() != 1) {
                        continue;
                    }
                    String keyType = type(sql, reference[0], referenceKey.get(0));
                    List<String> going = steps.get(s).stream().filter(r -> r.table().equals(reference[0])).findFirst()
                            .map(r -> r.values().get(0)).orElse(List.of());
                    boolean needed = sql.sql("SELECT EXISTS (SELECT 1 FROM " + reference[0] + " WHERE " + reference[1]
                            + " = ANY(?::text[]::" + reference[2] + "[]) AND NOT " + referenceKey.get(0)
                            + " = ANY(?::text[]::" + keyType + "[]))")
                            .params(target.values().get(0).toArray(String[]::new), going.toArray(String[]::new))
                            .query(Boolean.class).single();
                    if (needed) {
                        links.add(new Link(reference[0], reference[1], reference[2], referenceKey.get(0), keyType, s,
                                target.table()));
                    }
                }
            }
        }
        return links;
    }

    private static List<String> primaryKey(JdbcClient sql, String table) {
        return sql.sql("""
                SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                 WHERE i.indrelid = ?::regclass AND i.indisprimary
                 ORDER BY array_position(i.indkey::int2[], a.attnum)""").param(table).query(String.class).list();
    }

    private static String type(JdbcClient sql, String table, String column) {
        return sql.sql("""
                SELECT format_type(atttypid, atttypmod) FROM pg_attribute
                 WHERE attrelid = ?::regclass AND attname = ?""")
                .params(table, column).query(String.class).single();
    }

    /** A top-level field of a row_to_json text: its value as text, null when absent or null. */
    static String field(String json, String name) {
        String marker = "\"" + name + "\":";
        int at = json.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        if (json.startsWith("null", start)) {
            return null;
        }
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(start, end);
    }
}
