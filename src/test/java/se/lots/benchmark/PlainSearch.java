package se.lots.benchmark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.search.PersonSearch;

/**
 * The two statements {@code PersonSummaries.search} sends (hits first, then the ordered walk when there are more
 * than the cap), copied here so the benchmark can time
 * them without the access lookups, audit rows and commit around them, and EXPLAIN them with the same parameters.
 * {@link SearchBenchmarkSmokeIntegrationTest} checks that the copy still finds what the service finds.
 */
final class PlainSearch {

    /** {@code PersonSummaries.HITS_CAP}. */
    private static final int HITS_CAP = 5000;
    private static final String SUMMARY = """
            id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_year, gender,
            municipality_code, protected_identity, owner_organisation_id""";

    /** One statement with its parameters, ready to run or to EXPLAIN. */
    record Statement(String sql, List<Object> params) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PlainSearch(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Ids on the first page, as {@code PersonSummaries.search} finds them. */
    List<UUID> search(String query, long organisationId, Collection<UUID> shared) {
        Statement hits = hitsStatement(query, organisationId, shared);
        var total = new long[] { 0 };
        List<UUID> ids = jdbc.sql(hits.sql()).params(hits.params()).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return rs.getObject("id", UUID.class);
        }).list();
        if (total[0] <= HITS_CAP) {
            return ids;
        }
        Statement ordered = orderedStatement(query, organisationId, shared);
        return jdbc.sql(ordered.sql()).params(ordered.params()).query((rs, row) -> rs.getObject("id", UUID.class))
                .list();
    }

    /** The plan for these parameter values, as the first five executions of a statement get it. */
    List<String> explain(Statement statement) {
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql()).params(statement.params())
                .query(String.class).list();
    }

    /**
     * The generic plan, which PostgreSQL may switch to once the driver has made the statement a server-side prepared
     * one (from its fifth execution on a connection): planned without looking at the LIKE patterns.
     */
    List<String> explainGeneric(Statement statement) {
        var types = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (Object p : statement.params()) {
            // the types the driver binds these Java values as
            if (p instanceof Long l) {
                types.add("int8");
                values.add(l.toString());
            } else if (p instanceof Integer i) {
                types.add("int4");
                values.add(i.toString());
            } else if (p instanceof UUID[] ids) {
                types.add("uuid[]");
                values.add(literal("{" + String.join(",", Arrays.stream(ids).map(UUID::toString).toList()) + "}"));
            } else {
                types.add("varchar");
                values.add(literal(p.toString()));
            }
        }
        var sql = new StringBuilder();
        int n = 0;
        for (char c : statement.sql().toCharArray()) {
            sql.append(c == '?' ? "$" + (++n) : String.valueOf(c));
        }
        return onOneConnection(List.of("PREPARE lots_bench (" + String.join(", ", types) + ") AS " + sql,
                "SET plan_cache_mode = force_generic_plan"),
                "EXPLAIN (ANALYZE, BUFFERS) EXECUTE lots_bench (" + String.join(", ", values) + ")",
                List.of("DEALLOCATE lots_bench", "RESET plan_cache_mode"));
    }

    private List<String> onOneConnection(List<String> before, String query, List<String> after) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            for (String s : before) {
                statement.execute(s);
            }
            var lines = new ArrayList<String>();
            try (var rs = statement.executeQuery(query)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            for (String s : after) {
                statement.execute(s);
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static Statement hitsStatement(String query, long organisationId, Collection<UUID> shared) {
        var params = new ArrayList<Object>();
        String filter = filter(query, organisationId, shared, params);
        params.addAll(List.of(HITS_CAP + 1, PersonSearch.PAGE_SIZE, 0));
        return new Statement("SELECT " + SUMMARY + ", count(*) OVER () AS total FROM (SELECT " + SUMMARY
                + " FROM young_person WHERE " + filter + " LIMIT ?) hits ORDER BY last_name, first_name, id LIMIT ? OFFSET ?",
                params);
    }

    static Statement orderedStatement(String query, long organisationId, Collection<UUID> shared) {
        var params = new ArrayList<Object>();
        String filter = filter(query, organisationId, shared, params);
        params.addAll(List.of(PersonSearch.PAGE_SIZE, 0));
        return new Statement("WITH page AS (SELECT id, last_name, first_name FROM young_person WHERE " + filter
                + " ORDER BY last_name, first_name, id LIMIT ? OFFSET ?)"
                + " SELECT y.* FROM page JOIN young_person y ON y.id = page.id ORDER BY y.last_name, y.first_name, y.id",
                params);
    }

    private static String filter(String query, long organisationId, Collection<UUID> shared, List<Object> params) {
        String q = query.trim();
        var sql = new StringBuilder();
        if (shared.isEmpty()) {
            sql.append("owner_organisation_id = ?");
            params.add(organisationId);
        } else {
            sql.append("(owner_organisation_id = ? OR id = ANY (?::uuid[]))");
            params.add(organisationId);
            params.add(shared.toArray(UUID[]::new));
        }
        if (PersonalIdentityNumber.looksLikeOne(q)) {
            sql.append(" AND personal_identity_number = ?");
            params.add(PersonalIdentityNumber.parse(q, java.time.LocalDate.now()).value());
            return sql.toString();
        }
        for (String word : Arrays.stream(q.split("\\s+")).filter(w -> !w.isBlank()).toList()) {
            if (word.matches("(?i)RES-\\d+")) {
                sql.append(" AND reserve_identity = ?");
                params.add(word.toUpperCase(Locale.ROOT));
            } else {
                String part = word.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_");
                if (word.length() <= 2) {
                    sql.append(" AND (search_name LIKE ? OR search_name LIKE ?)");
                    params.add("% " + part + "%");
                    params.add("%-" + part + "%");
                } else {
                    sql.append(" AND search_name LIKE ?");
                    params.add("%" + part + "%");
                }
            }
        }
        return sql.toString();
    }
}
