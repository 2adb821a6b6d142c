package se.lots.intervention.coverage;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.intervention.coverage.CoverageRows.CellRow;

/**
 * The coverage matrix as one SQL statement, as it was before the in-memory index ({@link Coverage#matrix}): the
 * oracle the index is compared with, and a statement a reader can paste into psql.
 */
public final class CoverageSql {

    /**
     * The matrix: one row per (band, active need), with zeros where nothing fits (the gaps). The links of current
     * interventions are counted first and the band × need grid joined to them after.
     */
    public static final String MATRIX = Coverage.CURRENT + " " + """
            , counted AS (
              SELECT b.position, x.need_id, count(*) AS interventions,
                     sum(greatest(c.capacity - coalesce(c.occupancy, 0), 0)) AS open_places,
                     count(*) FILTER (WHERE c.capacity IS NULL) AS unknown_capacity
                FROM current_intervention c JOIN intervention_need x ON x.intervention_id = c.id
                JOIN band b ON c.age_min <= b.age_max AND c.age_max >= b.age_min
               GROUP BY b.position, x.need_id
            )
            SELECT b.position AS band, n.id AS need_id, coalesce(k.interventions, 0) AS interventions,
                   coalesce(k.open_places, 0) AS open_places, coalesce(k.unknown_capacity, 0) AS unknown_capacity
              FROM band b CROSS JOIN need n
              LEFT JOIN counted k ON k.position = b.position AND k.need_id = n.id
             WHERE n.active
             ORDER BY b.position, n.id""";

    private CoverageSql() {
    }

    public static List<CellRow> matrix(JdbcClient jdbc, CoverageFilter f, LocalDate today) {
        return jdbc.sql(MATRIX).param("today", today).param("party", f.partyType() == null ? null : f.partyType().name())
                .param("provider", f.providerId()).param("area",
                f.municipalityCode() == null ? null : f.municipalityCode().value()).query(CellRow.class).list();
    }
}
