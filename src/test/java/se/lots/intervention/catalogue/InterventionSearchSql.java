package se.lots.intervention.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.PartyType;

/**
 * The catalogue search as it was written in SQL before the in-memory index (main's {@link InterventionSearch}),
 * kept as the oracle the index is compared with (InterventionSearchAgreementIntegrationTest) and for EXPLAIN in the
 * benchmark. A reader can paste its statements into psql to check any count the page shows. Both statements share
 * one CTE: {@code candidate} holds the interventions that are current (unless asked otherwise) and match the free
 * text; {@code matched} adds one boolean per facet saying whether the row satisfies that facet's choice
 * ({@code true} when nothing is chosen). The hits are the rows where every flag holds; a facet's counts are taken
 * over the rows where every other flag holds, so an option's count is what choosing it would give.
 */
class InterventionSearchSql {

    static final int PAGE_SIZE = 25;
    static final List<String> FLAGS = List.of("f_age", "f_need", "f_kind", "f_provider", "f_party", "f_area",
            "f_open", "f_kaa");

    /** A statement with its positional parameters, in order. */
    record Statement(String sql, List<Object> params) {
    }

    private final JdbcClient jdbc;

    InterventionSearchSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    InterventionHits search(InterventionQuery q, LocalDate today) {
        Statement hits = hits(q, today);
        List<InterventionSummary> items = jdbc.sql(hits.sql()).params(hits.params())
                .query((rs, n) -> new InterventionSummary(rs.getLong("id"), rs.getString("name"),
                        InterventionKind.valueOf(rs.getString("kind")), rs.getLong("provider_id"),
                        rs.getString("provider_name"), PartyType.valueOf(rs.getString("party_type")),
                        rs.getInt("age_min"), rs.getInt("age_max"), rs.getObject("capacity", Integer.class),
                        rs.getObject("occupancy", Integer.class), rs.getObject("waiting_days", Integer.class),
                        rs.getBoolean("kaa_measure"), rs.getObject("reviewed_on", LocalDate.class),
                        rs.getBoolean("retired"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        Statement facets = facets(q, today);
        var counts = new LinkedHashMap<String, Map<String, Long>>();
        jdbc.sql(facets.sql()).params(facets.params()).query((rs, n) -> new FacetCount(rs.getString("facet"),
                rs.getString("key"), rs.getLong("hits"))).list()
                .forEach(f -> counts.computeIfAbsent(f.facet(), k -> new LinkedHashMap<>()).put(f.key(), f.count()));
        long total = counts.getOrDefault("total", Map.of()).getOrDefault("", 0L);
        return new InterventionHits(items, total, q.page(), PAGE_SIZE, counts);
    }

    /** The page of hits, ordered by name. */
    static Statement hits(InterventionQuery q, LocalDate today) {
        var params = new ArrayList<Object>();
        String sql = matched(q, today, params) + " " + """
                SELECT id, name, kind, provider_id, provider_name, party_type, age_min, age_max, capacity, occupancy,
                       waiting_days, kaa_measure, reviewed_on, retired, valid_from, valid_to
                  FROM matched
                 WHERE""" + " " + allBut(null) + " " + """
                 ORDER BY lower(name), id
                 LIMIT ? OFFSET ?""";
        params.add(PAGE_SIZE);
        params.add(q.page() * PAGE_SIZE);
        return new Statement(sql, params);
    }

    /**
     * (facet, key, hits) rows: one per option of each facet, plus ('total', '', all hits). Kind, provider, party,
     * open, KAA and total come from one pass over {@code matched} (GROUPING SETS, each count with its own FILTER);
     * needs and municipalities each need a join. Options with no hit are left out; open, KAA and total always come.
     */
    static Statement facets(InterventionQuery q, LocalDate today) {
        var params = new ArrayList<Object>();
        String sql = matched(q, today, params) + " " + """
                , grouped AS (
                  SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(provider_id) = 0 THEN 'provider'
                              WHEN GROUPING(party_type) = 0 THEN 'party' ELSE 'scalar' END AS facet,
                         coalesce(kind, provider_id::text, party_type) AS key,
                         count(*) FILTER (WHERE %s) AS kind_hits,
                         count(*) FILTER (WHERE %s) AS provider_hits,
                         count(*) FILTER (WHERE %s) AS party_hits,
                         count(*) FILTER (WHERE has_open AND %s) AS open_hits,
                         count(*) FILTER (WHERE kaa_measure AND %s) AS kaa_hits,
                         count(*) FILTER (WHERE %s) AS total_hits
                    FROM matched GROUP BY GROUPING SETS ((kind), (provider_id), (party_type), ())
                )
                SELECT v.facet, v.key, v.hits
                  FROM grouped g, LATERAL (VALUES ('kind', g.key, g.kind_hits, g.facet = 'kind'),
                                                  ('provider', g.key, g.provider_hits, g.facet = 'provider'),
                                                  ('party', g.key, g.party_hits, g.facet = 'party'),
                                                  ('open', 'true', g.open_hits, g.facet = 'scalar'),
                                                  ('kaa', 'true', g.kaa_hits, g.facet = 'scalar'),
                                                  ('total', '', g.total_hits, g.facet = 'scalar'))
                                   AS v(facet, key, hits, applies)
                 WHERE v.applies AND (v.hits > 0 OR g.facet = 'scalar')
                UNION ALL
                SELECT 'need', n.need_id::text, count(*) FROM matched m JOIN intervention_need n ON n.intervention_id = m.id
                 WHERE %s GROUP BY n.need_id
                UNION ALL
                SELECT 'area', trim(a.municipality_code), count(*)
                  FROM matched m JOIN intervention_municipality a ON a.intervention_id = m.id
                 WHERE %s GROUP BY a.municipality_code""".formatted(allBut("f_kind"), allBut("f_provider"),
                allBut("f_party"), allBut("f_open"), allBut("f_kaa"), allBut(null), allBut("f_need"),
                allBut("f_area"));
        return new Statement(sql, params);
    }

    /** Every flag except {@code left} (null: every flag), joined by AND. */
    private static String allBut(String left) {
        return String.join(" AND ", FLAGS.stream().filter(f -> !f.equals(left)).toList());
    }

    private static String matched(InterventionQuery q, LocalDate today, List<Object> params) {
        var where = new ArrayList<String>();
        if (!q.includeInactive()) {
            where.add("NOT i.retired AND (i.valid_from IS NULL OR i.valid_from <= ?) "
                    + "AND (i.valid_to IS NULL OR i.valid_to >= ?)");
            params.add(today);
            params.add(today);
        }
        if (q.text() != null) {
            // the trigram index serves the substring match, the Swedish full-text index matches word forms
            where.add("(i.search_text LIKE ? OR i.search_vector @@ plainto_tsquery('swedish', ?))");
            params.add("%" + likeEscaped(q.text().toLowerCase(Locale.ROOT)) + "%");
            params.add(q.text());
        }
        String candidate = """
                WITH candidate AS (
                  SELECT i.id, i.name, i.kind, i.provider_id, p.name AS provider_name, p.party_type, i.age_min,
                         i.age_max, i.capacity,
                         CASE WHEN i.programme_id IS NULL THEN i.occupancy
                              ELSE (SELECT count(*) FROM plan_enrolment e
                                     WHERE e.programme_id = i.programme_id AND e.ended_on IS NULL)::integer
                         END AS occupancy,
                         i.waiting_days, i.kaa_measure, i.reviewed_on, i.retired, i.valid_from, i.valid_to
                    FROM intervention i JOIN provider p ON p.id = i.provider_id
                   WHERE""" + " " + (where.isEmpty() ? "true" : String.join(" AND ", where)) + "\n)";

        var flags = new ArrayList<String>();
        if (q.age() != null && q.band() != null) {
            flags.add("(c.age_min <= ? AND c.age_max >= ? AND c.age_min <= ? AND c.age_max >= ?) AS f_age");
            params.add(q.age());
            params.add(q.age());
            params.add(q.band().max());
            params.add(q.band().min());
        } else if (q.age() != null) {
            flags.add("(c.age_min <= ? AND c.age_max >= ?) AS f_age");
            params.add(q.age());
            params.add(q.age());
        } else if (q.band() != null) {
            // the coverage map's drill-down: the age range overlaps the band
            flags.add("(c.age_min <= ? AND c.age_max >= ?) AS f_age");
            params.add(q.band().max());
            params.add(q.band().min());
        } else {
            flags.add("true AS f_age");
        }
        if (!q.needs().isEmpty()) {
            // IN (subquery) in the select list becomes one hashed subplan; EXISTS was a probe per candidate row
            flags.add("c.id IN (SELECT n.intervention_id FROM intervention_need n WHERE n.need_id = ANY (?)) "
                    + "AS f_need");
            params.add(q.needs().toArray(Long[]::new));
        } else {
            flags.add("true AS f_need");
        }
        if (!q.kinds().isEmpty()) {
            flags.add("c.kind = ANY (?) AS f_kind");
            params.add(q.kinds().stream().map(Enum::name).toArray(String[]::new));
        } else {
            flags.add("true AS f_kind");
        }
        if (!q.providers().isEmpty()) {
            flags.add("c.provider_id = ANY (?) AS f_provider");
            params.add(q.providers().toArray(Long[]::new));
        } else {
            flags.add("true AS f_provider");
        }
        if (!q.partyTypes().isEmpty()) {
            flags.add("c.party_type = ANY (?) AS f_party");
            params.add(q.partyTypes().stream().map(Enum::name).toArray(String[]::new));
        } else {
            flags.add("true AS f_party");
        }
        if (!q.municipalities().isEmpty()) {
            flags.add("c.id IN (SELECT a.intervention_id FROM intervention_municipality a "
                    + "WHERE a.municipality_code = ANY (CAST(? AS bpchar[]))) AS f_area");
            params.add(q.municipalities().toArray(String[]::new));
        } else {
            flags.add("true AS f_area");
        }
        flags.add(q.openCapacity() ? "has_open AS f_open" : "true AS f_open");
        flags.add(q.kaaOnly() ? "c.kaa_measure AS f_kaa" : "true AS f_kaa");

        return candidate + """
                , with_open AS (
                  SELECT c.*, (c.capacity IS NOT NULL AND c.capacity > coalesce(c.occupancy, 0)) AS has_open
                    FROM candidate c
                ), flagged AS (
                  SELECT c.*,""" + " " + String.join(",\n         ", flags) + """

                    FROM with_open c
                ), matched AS (
                  -- a row failing two facets counts nowhere: neither in the hits nor in any facet's options
                  SELECT * FROM flagged
                   WHERE""" + " " + FLAGS.stream().map(f -> "(NOT " + f + ")::int").collect(
                        java.util.stream.Collectors.joining(" + ")) + " <= 1\n)";
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
