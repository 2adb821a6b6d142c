package se.lots.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mechanics a {@link PersonalDataEraser} repeats for what it found due: an ordered list of the register's tables,
 * each with the condition that picks the due rows, and for the list the count (the dry run), the archive package
 * ({@code row_to_json} per row into an {@link ArchiveSink}) and the removal, table by table in the order given —
 * children before parents. The eraser keeps its knowledge: which persons are due, which tables and in what order, and
 * each table's condition, written as {@code "FROM <table> WHERE <condition>"} in its own class (so that
 * {@code TableOwnershipTest} reads the tables in the eraser's module); this class adds no table and no condition of its
 * own, and calls nothing else.
 *
 * <p>When no person is due, nothing is queried: every table counts 0, nothing is archived, nothing is removed. A
 * removal runs in the caller's transaction, as the eraser's own {@code removeDue} requires.
 *
 * <pre>{@code
 * DueRows.of(jdbc, register(), due.persons)
 *         .from("FROM privacy_extract_review WHERE request_id = ANY(?::uuid[])", due.requests)
 *         .from("FROM privacy_extract_request WHERE id = ANY(?::uuid[])", due.requests)
 *         .remove();
 * }</pre>
 */
public final class DueRows {

    private static final Pattern FROM_WHERE = Pattern.compile(
            "\\s*FROM\\s+([a-z_][a-z0-9_]*)\\s+WHERE\\s+(.+)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final JdbcClient jdbc;
    private final String register;
    private final Set<UUID> persons;
    private final List<Table> tables = new ArrayList<>();

    private DueRows(JdbcClient jdbc, String register, Set<UUID> persons) {
        this.jdbc = jdbc;
        this.register = register;
        this.persons = persons;
    }

    /**
     * The due rows of {@code register} ({@link PersonalDataEraser#register()}) for {@code persons}, the persons the
     * eraser found due (what the count and the removal report); no table yet.
     */
    public static DueRows of(JdbcClient jdbc, String register, Collection<UUID> persons) {
        return new DueRows(jdbc, register, Set.copyOf(persons));
    }

    /** {@link #of(JdbcClient, String, Collection)} with the persons as an array. */
    public static DueRows of(JdbcClient jdbc, String register, UUID[] persons) {
        return of(jdbc, register, List.of(persons));
    }

    /**
     * The next table in the removal's order: {@code fromWhere} is {@code "FROM <table> WHERE <condition>"}, the
     * condition with one {@code ?} for {@code param} (an array is one parameter, e.g. {@code ANY(?::uuid[])}).
     */
    public DueRows from(String fromWhere, Object param) {
        return add(fromWhere, new Object[] { param });
    }

    /** {@link #from(String, Object)} for a condition with two parameters, in their order. */
    public DueRows from(String fromWhere, Object first, Object second) {
        return add(fromWhere, new Object[] { first, second });
    }

    /** The dry run: the due persons and the due rows per table, nothing changed. */
    public RetentionCount count() {
        var counts = new LinkedHashMap<String, Long>();
        for (Table table : tables) {
            counts.put(table.name, persons.isEmpty() ? 0L
                    : jdbc.sql("SELECT count(*) FROM " + table.name + " WHERE " + table.where).params(table.params)
                            .query(Long.class).single());
        }
        return new RetentionCount(register, persons.size(), counts);
    }

    /** Every due row as JSON ({@code row_to_json}) to {@code sink}, table by table in the removal's order. */
    public void archive(ArchiveSink sink) {
        if (persons.isEmpty()) {
            return;
        }
        for (Table table : tables) {
            try (var rows = jdbc.sql("SELECT row_to_json(t)::text FROM " + table.name + " t WHERE " + table.where)
                    .params(table.params).query((rs, n) -> rs.getString(1)).stream()) {
                rows.forEach(json -> sink.row(table.name, json));
            }
        }
    }

    /** Removes the due rows, table by table in the order given; returns what went, with the due persons' ids. */
    public RetentionCount remove() {
        var counts = new LinkedHashMap<String, Long>();
        for (Table table : tables) {
            counts.put(table.name, persons.isEmpty() ? 0L
                    : (long) jdbc.sql("DELETE FROM " + table.name + " WHERE " + table.where).params(table.params)
                            .update());
        }
        return new RetentionCount(register, persons.size(), counts, persons);
    }

    private DueRows add(String fromWhere, Object[] params) {
        Matcher m = FROM_WHERE.matcher(fromWhere);
        if (!m.matches()) {
            throw new IllegalArgumentException("not \"FROM <table> WHERE <condition>\": " + fromWhere);
        }
        String name = m.group(1).toLowerCase();
        if (tables.stream().anyMatch(t -> t.name.equals(name))) {
            throw new IllegalArgumentException("table named twice: " + name);
        }
        tables.add(new Table(name, m.group(2), params));
        return this;
    }

    private record Table(String name, String where, Object[] params) {
    }
}
