package se.lots.intervention;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
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
 * and more per search (docs/benchmarks.md), in Java over this array well under a millisecond. It is loaded with
 * one statement ({@link #LOAD}) and reloaded when {@code catalogue_change.stamp} (V22, set by triggers on every
 * catalogue table) differs from the stamp it was loaded under; checking costs one one-row read per search. What
 * the stamp does not cover is read live: the occupancy of interventions linked to a programme (open enrolments,
 * {@link #openEnrolments}) and the free-text match (the GIN indexes, {@link #matchingText}).
 */
@Repository
class CatalogueIndex {

    /** One intervention as search and the map need it. {@code occupancy} is the entered one. */
    record Entry(long id, String name, InterventionKind kind, long providerId, String providerName,
            PartyType partyType, int ageMin, int ageMax, Integer capacity, Integer occupancy, Long programmeId,
            Integer waitingDays, boolean kaaMeasure, LocalDate reviewedOn, boolean retired, LocalDate validFrom,
            LocalDate validTo, long[] needs, String[] municipalities) {

        boolean current(LocalDate today) {
            return Intervention.current(retired, validFrom, validTo, today);
        }

        /** Open enrolments for a linked programme, else the entered occupancy. */
        Integer occupancy(Map<Long, Integer> openEnrolments) {
            return programmeId == null ? occupancy : openEnrolments.getOrDefault(programmeId, 0);
        }

        boolean serves(String municipalityCode) {
            for (String m : municipalities) {
                if (m.equals(municipalityCode)) {
                    return true;
                }
            }
            return false;
        }

        boolean addresses(long needId) {
            for (long n : needs) {
                if (n == needId) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The catalogue as of {@code stamp}, in the order of the hits (name, then id). */
    record Snapshot(long stamp, List<Entry> entries, Long[] linkedProgrammes) {
    }

    static final String STAMP = "SELECT stamp FROM catalogue_change";

    /** Every intervention with its provider, needs and municipalities; ordered as the hits are listed. */
    static final String LOAD = """
            SELECT i.id, i.name, i.kind, i.provider_id, p.name AS provider_name, p.party_type, i.age_min, i.age_max,
                   i.capacity, i.occupancy, i.programme_id, i.waiting_days, i.kaa_measure, i.reviewed_on, i.retired,
                   i.valid_from, i.valid_to,
                   ARRAY(SELECT n.need_id FROM intervention_need n WHERE n.intervention_id = i.id
                          ORDER BY n.need_id) AS needs,
                   ARRAY(SELECT trim(a.municipality_code) FROM intervention_municipality a
                          WHERE a.intervention_id = i.id ORDER BY a.municipality_code) AS municipalities
              FROM intervention i JOIN provider p ON p.id = i.provider_id
             ORDER BY lower(i.name), i.id""";

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    CatalogueIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes with every write to the catalogue's tables (V22); equal stamps mean the same catalogue. */
    long stamp() {
        return jdbc.sql(STAMP).query(Long.class).single();
    }

    /** The catalogue as it is now, reloaded first if it has changed since the last load. */
    Snapshot current() {
        long stamp = stamp();
        Snapshot s = snapshot;
        if (s != null && s.stamp() == stamp) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (s != null && s.stamp() == stamp) {
                return s;
            }
            // tagged with the stamp read before the rows: if a write commits in between, the rows are newer than
            // the tag and the next search reloads; they are never older
            List<Entry> entries = jdbc.sql(LOAD).query((rs, n) -> entry(rs)).list();
            Long[] linked = entries.stream().map(Entry::programmeId).filter(p -> p != null).distinct()
                    .toArray(Long[]::new);
            s = new Snapshot(stamp, List.copyOf(entries), linked);
            snapshot = s;
            return s;
        }
    }

    /** The number of open enrolments per linked programme (those with none are left out). */
    Map<Long, Integer> openEnrolments(Snapshot s) {
        if (s.linkedProgrammes().length == 0) {
            return Map.of();
        }
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("""
                SELECT programme_id, count(*)::integer AS open FROM enrolment
                 WHERE ended_on IS NULL AND programme_id = ANY (?) GROUP BY programme_id""")
                .param(s.linkedProgrammes())
                .query((rs, n) -> counts.put(rs.getLong("programme_id"), rs.getInt("open"))).list();
        return counts;
    }

    /** Ids of the interventions whose text holds {@code text} (substring) or its Swedish word forms. */
    Set<Long> matchingText(String text) {
        // the trigram index serves the substring match, the Swedish full-text index matches word forms
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM intervention
                 WHERE search_text LIKE ? OR search_vector @@ plainto_tsquery('swedish', ?)""")
                .params("%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%", text).query(Long.class).list());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Array needs = rs.getArray("needs");
        Array areas = rs.getArray("municipalities");
        Long[] needIds = needs == null ? new Long[0] : (Long[]) needs.getArray();
        String[] codes = areas == null ? new String[0] : (String[]) areas.getArray();
        long[] n = new long[needIds.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = needIds[k];
        }
        return new Entry(rs.getLong("id"), rs.getString("name"), InterventionKind.valueOf(rs.getString("kind")),
                rs.getLong("provider_id"), rs.getString("provider_name"), PartyType.valueOf(rs.getString("party_type")),
                rs.getInt("age_min"), rs.getInt("age_max"), rs.getObject("capacity", Integer.class),
                rs.getObject("occupancy", Integer.class), rs.getObject("programme_id", Long.class),
                rs.getObject("waiting_days", Integer.class), rs.getBoolean("kaa_measure"),
                rs.getObject("reviewed_on", LocalDate.class), rs.getBoolean("retired"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), n, codes);
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
