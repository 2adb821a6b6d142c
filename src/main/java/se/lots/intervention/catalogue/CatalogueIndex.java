package se.lots.intervention.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.PartyType;

/**
 * The whole catalogue in memory, one {@link Entry} per intervention (retired ones too), for the faceted search
 * and the coverage matrix: at 20 000 interventions counting every facet over the candidates in SQL took 100 ms
 * and more per search (docs/benchmarks.md), in Java over this array a few milliseconds. It is loaded with one
 * statement ({@link #LOAD}) and reloaded when {@code catalogue_change.stamp} (V22, set by triggers on every
 * catalogue table) differs from the stamp it was loaded under. What the stamp does not cover is read live: the
 * occupancy of interventions linked to a programme (open enrolments, read with the stamp in one statement,
 * {@link #NOW}) and the Swedish word forms of a free text (the full-text GIN index, {@link #matchingWordForms}).
 */
@Repository
public class CatalogueIndex {

    /**
     * One intervention as search and the map need it. {@code occupancy} is the entered one. {@code provider},
     * {@code needs} and {@code municipalities} are positions in the snapshot's lists, so that counting needs no maps.
     */
    public record Entry(long id, String name, InterventionKind kind, long providerId, String providerName,
            PartyType partyType, int ageMin, int ageMax, Integer capacity, Integer occupancy, Long programmeId,
            Integer waitingDays, boolean kaaMeasure, LocalDate reviewedOn, boolean retired, LocalDate validFrom,
            LocalDate validTo, String searchText, int provider, int[] needs, int[] municipalities) {

        public boolean current(LocalDate today) {
            return Intervention.current(retired, validFrom, validTo, today);
        }

        /** Open enrolments for a linked programme, else the entered occupancy. */
        public Integer occupancy(Map<Long, Integer> openEnrolments) {
            return programmeId == null ? occupancy : openEnrolments.getOrDefault(programmeId, 0);
        }
    }

    /**
     * The catalogue as of {@code stamp}, in the order of the hits (name, then id), with the provider ids, need ids
     * and municipality codes the entries' positions point into.
     */
    public static final class Snapshot {
        public final long stamp;
        public final List<Entry> entries;
        public final long[] providerIds;
        public final long[] needIds;
        public final String[] municipalityCodes;
        private volatile Current current;

        private record Current(LocalDate day, List<Entry> entries) {
        }

        Snapshot(long stamp, List<Entry> entries, long[] providerIds, long[] needIds, String[] municipalityCodes) {
            this.stamp = stamp;
            this.entries = entries;
            this.providerIds = providerIds;
            this.needIds = needIds;
            this.municipalityCodes = municipalityCodes;
        }

        /** The entries current on {@code day}, kept for the day (most searches ask for them). */
        public List<Entry> currentOn(LocalDate day) {
            Current c = current;
            if (c == null || !c.day().equals(day)) {
                c = new Current(day, entries.stream().filter(e -> e.current(day)).toList());
                current = c;
            }
            return c.entries();
        }

        public int needPosition(long needId) {
            for (int k = 0; k < needIds.length; k++) {
                if (needIds[k] == needId) {
                    return k;
                }
            }
            return -1;
        }

        public int municipalityPosition(String code) {
            for (int k = 0; k < municipalityCodes.length; k++) {
                if (municipalityCodes[k].equals(code)) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** The index and the open enrolments of linked programmes, read together. */
    public record State(Snapshot snapshot, Map<Long, Integer> openEnrolments) {
    }

    public static final String STAMP = "SELECT stamp FROM catalogue_change";

    /**
     * The stamp (programme_id NULL) and the open enrolments of every programme an intervention is linked to, in one
     * round trip: the two things every search reads.
     */
    public static final String NOW = """
            SELECT NULL::bigint AS programme_id, stamp AS n FROM catalogue_change
            UNION ALL
            SELECT e.programme_id, count(*) FROM plan_enrolment e
             WHERE e.ended_on IS NULL
               AND e.programme_id IN (SELECT i.programme_id FROM intervention i WHERE i.programme_id IS NOT NULL)
             GROUP BY e.programme_id""";

    /** Every intervention with its provider, needs and municipalities; ordered as the hits are listed. */
    public static final String LOAD = """
            SELECT i.id, i.name, i.kind, i.provider_id, p.name AS provider_name, p.party_type, i.age_min, i.age_max,
                   i.capacity, i.occupancy, i.programme_id, i.waiting_days, i.kaa_measure, i.reviewed_on, i.retired,
                   i.valid_from, i.valid_to, i.search_text, n.needs, a.municipalities
              FROM intervention i JOIN provider p ON p.id = i.provider_id
              LEFT JOIN (SELECT intervention_id, array_agg(need_id ORDER BY need_id) AS needs
                           FROM intervention_need GROUP BY intervention_id) n ON n.intervention_id = i.id
              LEFT JOIN (SELECT intervention_id, array_agg(trim(municipality_code) ORDER BY municipality_code)
                                AS municipalities
                           FROM intervention_municipality GROUP BY intervention_id) a ON a.intervention_id = i.id
             ORDER BY lower(i.name), i.id""";

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    CatalogueIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes with every write to the catalogue's tables (V22); equal stamps mean the same catalogue. */
    public long stamp() {
        return jdbc.sql(STAMP).query(Long.class).single();
    }

    /** The stamp the index in memory was loaded under (-1: not loaded yet), without reading the database. */
    public long loadedStamp() {
        Snapshot s = snapshot;
        return s == null ? -1 : s.stamp;
    }

    /** The catalogue as it is now (reloaded first if it has changed since the last load) and the open enrolments. */
    public State now() {
        var enrolled = new HashMap<Long, Integer>();
        long[] stamp = { 0 };
        jdbc.sql(NOW).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            long programme = rs.getLong("programme_id");
            if (rs.wasNull()) {
                stamp[0] = rs.getLong("n");
            } else {
                enrolled.put(programme, rs.getInt("n"));
            }
        });
        return new State(snapshotFor(stamp[0]), enrolled);
    }

    private Snapshot snapshotFor(long stamp) {
        Snapshot s = snapshot;
        if (s != null && s.stamp == stamp) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && s.stamp == stamp) {
                return s;
            }
            // tagged with the stamp read before the rows: if a write commits in between, the rows are newer than
            // the tag and the next search reloads; they are never older
            s = load(stamp);
            snapshot = s;
            return s;
        }
    }

    private Snapshot load(long stamp) {
        var providers = new LinkedHashMap<Long, Integer>();
        var needs = new LinkedHashMap<Long, Integer>();
        var municipalities = new LinkedHashMap<String, Integer>();
        List<Entry> entries = jdbc.sql(LOAD).query((rs, n) -> entry(rs, providers, needs, municipalities)).list();
        return new Snapshot(stamp, List.copyOf(entries),
                providers.keySet().stream().mapToLong(Long::longValue).toArray(),
                needs.keySet().stream().mapToLong(Long::longValue).toArray(),
                municipalities.keySet().toArray(String[]::new));
    }

    /**
     * Ids of the interventions whose text has the Swedish word forms of {@code text} (the full-text GIN index).
     * The substring half of the free-text match is {@link #holdsText}, in memory: the trigram index's LIKE with its
     * recheck of every candidate row was most of a free-text search's time (docs/benchmarks.md).
     */
    public Set<Long> matchingWordForms(String text) {
        return new HashSet<>(jdbc.sql("SELECT id FROM intervention WHERE search_vector @@ plainto_tsquery('swedish', ?)")
                .param(text).query(Long.class).list());
    }

    /**
     * The substring match, as {@code search_text LIKE '%' || lowered || '%'} would give: {@code search_text} is the
     * database's {@code lower(...)}, {@code lowered} the text lowered by Java, as the SQL search did.
     */
    public static boolean holdsText(Entry e, String lowered) {
        return e.searchText() != null && e.searchText().contains(lowered);
    }

    public static String lowered(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static Entry entry(ResultSet rs, Map<Long, Integer> providers, Map<Long, Integer> needs,
            Map<String, Integer> municipalities) throws SQLException {
        Array needArray = rs.getArray("needs");
        Array areaArray = rs.getArray("municipalities");
        Long[] needIds = needArray == null ? new Long[0] : (Long[]) needArray.getArray();
        String[] codes = areaArray == null ? new String[0] : (String[]) areaArray.getArray();
        int[] n = new int[needIds.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = needs.computeIfAbsent(needIds[k], x -> needs.size());
        }
        int[] a = new int[codes.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = municipalities.computeIfAbsent(codes[k], x -> municipalities.size());
        }
        long providerId = rs.getLong("provider_id");
        return new Entry(rs.getLong("id"), rs.getString("name"), InterventionKind.valueOf(rs.getString("kind")),
                providerId, rs.getString("provider_name"), PartyType.valueOf(rs.getString("party_type")),
                rs.getInt("age_min"), rs.getInt("age_max"), rs.getObject("capacity", Integer.class),
                rs.getObject("occupancy", Integer.class), rs.getObject("programme_id", Long.class),
                rs.getObject("waiting_days", Integer.class), rs.getBoolean("kaa_measure"),
                rs.getObject("reviewed_on", LocalDate.class), rs.getBoolean("retired"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("search_text"), providers.computeIfAbsent(providerId, x -> providers.size()), n, a);
    }

    /** Positions chosen in a facet, as a mask over the snapshot's list ({@code null}: nothing chosen). */
    public static boolean[] mask(int size, List<Integer> positions) {
        boolean[] chosen = new boolean[size];
        for (int p : positions) {
            if (p >= 0) {
                chosen[p] = true;
            }
        }
        return chosen;
    }

    public static List<Integer> positions(List<Long> ids, long[] in) {
        var result = new ArrayList<Integer>();
        for (long id : ids) {
            for (int k = 0; k < in.length; k++) {
                if (in[k] == id) {
                    result.add(k);
                }
            }
        }
        return result;
    }
}
