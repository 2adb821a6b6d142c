package se.lots.intervention.catalogue;

import java.time.LocalDate;
import java.util.List;

import se.lots.intervention.coverage.CoverageSql;

/** The catalogue's SQL (the oracles of the in-memory index) for the benchmark's EXPLAIN ANALYZE. */
public final class BenchmarkStatements {

    private BenchmarkStatements() {
    }

    /** The coverage matrix without a filter, the parameters inlined. */
    public static String matrix(LocalDate today) {
        return CoverageSql.MATRIX.replace(":today", "DATE '" + today + "'").replace("CAST(:party AS text)", "NULL::text")
                .replace("CAST(:provider AS bigint)", "NULL::bigint").replace("CAST(:area AS text)", "NULL::text")
                .replace("CAST(:area AS bpchar)", "NULL::bpchar");
    }

    /** The statement that loads the search's in-memory index. */
    public static String load() {
        return CatalogueIndex.LOAD;
    }

    /** The hits statement and its parameters for {@code q}. */
    public static String hits(InterventionQuery q, LocalDate today, List<Object> params) {
        var s = InterventionSearchSql.hits(q, today);
        params.addAll(s.params());
        return s.sql();
    }

    public static String facets(InterventionQuery q, LocalDate today, List<Object> params) {
        var s = InterventionSearchSql.facets(q, today);
        params.addAll(s.params());
        return s.sql();
    }
}
