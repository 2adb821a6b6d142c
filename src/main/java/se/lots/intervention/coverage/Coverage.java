package se.lots.intervention.coverage;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.intervention.catalogue.AgeBand;
import se.lots.intervention.catalogue.CatalogueIndex;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.coverage.CoverageRows.ActorRow;
import se.lots.intervention.coverage.CoverageRows.CellRow;
import se.lots.intervention.coverage.CoverageRows.MatchRow;
import se.lots.intervention.coverage.CoverageRows.OverlapRow;
import se.lots.intervention.coverage.CoverageRows.ProviderCount;
import se.lots.reference.MunicipalityCode;

/**
 * The coverage map and its views in SQL. Every statement starts from the same CTE {@code current_intervention}:
 * interventions that are not retired and valid today, with their occupancy (open enrolments for one linked to a
 * programme), restricted by the filter (municipality served, the provider's party type, one provider).
 */
@Repository
public class Coverage {

    public static final String CURRENT = """
            WITH band (position, age_min, age_max) AS (VALUES (0, 16, 19), (1, 20, 24), (2, 25, 29)),
            current_intervention AS (
              SELECT i.id, i.name, i.kind, i.provider_id, p.name AS provider_name, p.party_type, i.age_min, i.age_max,
                     i.capacity, i.waiting_days,
                     CASE WHEN i.programme_id IS NULL THEN i.occupancy
                          ELSE (SELECT count(*) FROM plan_enrolment e
                                 WHERE e.programme_id = i.programme_id AND e.ended_on IS NULL)::integer
                     END AS occupancy
                FROM intervention i JOIN provider p ON p.id = i.provider_id
               WHERE NOT i.retired AND (i.valid_from IS NULL OR i.valid_from <= :today)
                 AND (i.valid_to IS NULL OR i.valid_to >= :today)
                 AND (CAST(:party AS text) IS NULL OR p.party_type = CAST(:party AS text))
                 AND (CAST(:provider AS bigint) IS NULL OR p.id = CAST(:provider AS bigint))
                 AND (CAST(:area AS text) IS NULL OR EXISTS (
                       SELECT 1 FROM intervention_municipality m
                        WHERE m.intervention_id = i.id AND m.municipality_code = CAST(:area AS bpchar)))
            )""";

    private final JdbcClient jdbc;
    private final CatalogueIndex index;

    Coverage(JdbcClient jdbc, CatalogueIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    private JdbcClient.StatementSpec filtered(String sql, CoverageFilter f, LocalDate today) {
        return jdbc.sql(sql).param("today", today)
                .param("party", f.partyType() == null ? null : f.partyType().name())
                .param("provider", f.providerId())
                .param("area", f.municipalityCode() == null ? null : f.municipalityCode().value());
    }

    /**
     * The matrix: one row per (band, active need), ordered by band and need id, with zeros where nothing fits (the
     * gaps). Counted in one pass over the {@link CatalogueIndex}: the same statement in SQL (kept as the tests'
     * oracle, {@code CoverageSql.MATRIX}) took 130–190 ms at 20 000 interventions, most of it joining 18 000
     * interventions × 3 bands to 37 000 need links and sorting the 65 000 rows (docs/benchmarks.md).
     */
    public List<CellRow> matrix(CoverageFilter f, LocalDate today, List<Long> activeNeeds) {
        CatalogueIndex.State state = index.now();
        CatalogueIndex.Snapshot snapshot = state.snapshot();
        Map<Long, Integer> enrolled = state.openEnrolments();
        List<Long> needs = activeNeeds.stream().sorted().toList();
        // the column of each need position of the snapshot (-1: not an active need)
        int[] column = new int[snapshot.needIds.length];
        for (int p = 0; p < column.length; p++) {
            column[p] = needs.indexOf(snapshot.needIds[p]);
        }
        int area = f.municipalityCode() == null ? -1 : snapshot.municipalityPosition(f.municipalityCode().value());
        if (f.municipalityCode() != null && area < 0) {
            column = new int[0];
        }
        int bands = AgeBand.BANDS.size();
        long[][] interventions = new long[bands][needs.size()];
        long[][] open = new long[bands][needs.size()];
        long[][] unknown = new long[bands][needs.size()];
        for (CatalogueIndex.Entry e : column.length == 0 ? List.<CatalogueIndex.Entry>of()
                : snapshot.currentOn(today)) {
            if ((f.partyType() != null && e.partyType() != f.partyType())
                    || (f.providerId() != null && e.providerId() != f.providerId())
                    || (area >= 0 && !contains(e.municipalities(), area))) {
                continue;
            }
            Integer places = Intervention.openPlaces(e.capacity(), e.occupancy(enrolled));
            for (int b = 0; b < bands; b++) {
                if (!AgeBand.BANDS.get(b).overlaps(e.ageMin(), e.ageMax())) {
                    continue;
                }
                for (int need : e.needs()) {
                    int k = column[need];
                    if (k < 0) {
                        continue;
                    }
                    interventions[b][k]++;
                    if (places == null) {
                        unknown[b][k]++;
                    } else {
                        open[b][k] += places;
                    }
                }
            }
        }
        var rows = new ArrayList<CellRow>();
        for (int b = 0; b < bands; b++) {
            for (int k = 0; k < needs.size(); k++) {
                rows.add(new CellRow(b, needs.get(k), interventions[b][k], open[b][k], unknown[b][k]));
            }
        }
        return rows;
    }

    private static boolean contains(int[] positions, int position) {
        for (int p : positions) {
            if (p == position) {
                return true;
            }
        }
        return false;
    }

    public List<ActorRow> actors(CoverageFilter f, LocalDate today, int limit) {
        return filtered(CURRENT + " " + """
                SELECT x.need_id, c.kind, c.id AS intervention_id, c.name, c.provider_id, c.provider_name,
                       c.party_type, c.age_min, c.age_max, c.capacity, c.occupancy
                  FROM current_intervention c JOIN intervention_need x ON x.intervention_id = c.id
                  JOIN need n ON n.id = x.need_id
                 ORDER BY n.position, lower(n.name), c.kind, lower(c.provider_name), lower(c.name), c.id
                 LIMIT :limit""", f, today).param("limit", limit).query(ActorRow.class).list();
    }

    public List<ProviderCount> perProvider(CoverageFilter f, LocalDate today) {
        return filtered(CURRENT + " " + """
                SELECT c.provider_id, c.provider_name, c.party_type, count(*) AS interventions,
                       count(*) FILTER (WHERE i.kaa_measure) AS kaa_measures,
                       coalesce(sum(greatest(c.capacity - coalesce(c.occupancy, 0), 0)), 0) AS open_places
                  FROM current_intervention c JOIN intervention i ON i.id = c.id
                 GROUP BY c.provider_id, c.provider_name, c.party_type
                 ORDER BY c.party_type, count(*) DESC, lower(c.provider_name)""", f, today)
                .query(ProviderCount.class).list();
    }

    /**
     * Groups (municipality, need, kind, age band) in which at least two different providers have an intervention:
     * "several providers doing the same for the same group".
     */
    public List<OverlapRow> overlaps(CoverageFilter f, LocalDate today, int limit) {
        return filtered(CURRENT + " " + """
                SELECT trim(m.municipality_code) AS municipality_code, x.need_id, c.kind, b.position AS band,
                       count(DISTINCT c.provider_id) AS providers,
                       array_agg(c.provider_name || ': ' || c.name ORDER BY lower(c.provider_name), lower(c.name))
                           AS offers
                  FROM current_intervention c
                  JOIN intervention_need x ON x.intervention_id = c.id
                  JOIN intervention_municipality m ON m.intervention_id = c.id
                  JOIN band b ON c.age_min <= b.age_max AND c.age_max >= b.age_min
                 WHERE CAST(:area AS text) IS NULL OR m.municipality_code = CAST(:area AS bpchar)
                 GROUP BY m.municipality_code, x.need_id, c.kind, b.position
                HAVING count(DISTINCT c.provider_id) >= 2
                 ORDER BY count(DISTINCT c.provider_id) DESC, m.municipality_code, x.need_id, c.kind, b.position
                 LIMIT :limit""", f, today).param("limit", limit)
                .query((rs, n) -> new OverlapRow(new MunicipalityCode(rs.getString("municipality_code")),
                        rs.getLong("need_id"),
                        InterventionKind.valueOf(rs.getString("kind")), rs.getInt("band"), rs.getLong("providers"),
                        strings(rs.getArray("offers"))))
                .list();
    }

    /**
     * Current interventions for {@code age} (bounds inclusive) in {@code municipality} (null: any) addressing one of
     * {@code needIds} (empty: any) with open places or unknown capacity; most needs matched first, then the
     * shortest waiting time (unknown last).
     */
    public List<MatchRow> matches(int age, MunicipalityCode municipality, List<Long> needIds, int limit,
            LocalDate today) {
        return filtered(CURRENT + " " + """
                , fitting AS (
                  SELECT c.*, ARRAY(SELECT x.need_id FROM intervention_need x
                                     WHERE x.intervention_id = c.id AND x.need_id = ANY (CAST(:needs AS bigint[]))
                                     ORDER BY x.need_id)
                                  AS matched_needs
                    FROM current_intervention c
                   WHERE c.age_min <= :age AND c.age_max >= :age
                     AND (c.capacity IS NULL OR c.capacity > coalesce(c.occupancy, 0))
                )
                SELECT id, name, kind, provider_id, provider_name, age_min, age_max, capacity, occupancy, waiting_days,
                       matched_needs
                  FROM fitting
                 WHERE cardinality(CAST(:needs AS bigint[])) = 0 OR cardinality(matched_needs) > 0
                 ORDER BY cardinality(matched_needs) DESC, waiting_days NULLS LAST, lower(name), id
                 LIMIT :limit""", new CoverageFilter(municipality, null, null), today)
                .param("age", age).param("limit", limit)
                .param("needs", "{" + String.join(",", needIds.stream().map(String::valueOf).toList()) + "}")
                .query((rs, n) -> new MatchRow(rs.getLong("id"), rs.getString("name"),
                        InterventionKind.valueOf(rs.getString("kind")), rs.getLong("provider_id"),
                        rs.getString("provider_name"), rs.getInt("age_min"), rs.getInt("age_max"),
                        rs.getObject("capacity", Integer.class), rs.getObject("occupancy", Integer.class),
                        rs.getObject("waiting_days", Integer.class), longs(rs.getArray("matched_needs")),
                        municipality != null))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
