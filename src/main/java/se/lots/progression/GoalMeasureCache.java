package se.lots.progression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The goals page's measures, kept per programme, period and goals together with the database snapshot they were
 * read under, and given again as long as no transaction that the snapshot did not see has changed the programme's
 * follow-up units ({@code follow_up_change}, V32, written by triggers on every write). So a kept measure is never
 * stale: the check is one index read of the few changes since the snapshot, inside the caller's repeatable-read
 * transaction, and a write committed a moment ago, or one that was still running when the measure was read, makes
 * the next view measure again. A write that rolled back leaves no change and costs nothing.
 *
 * <p>Written here, not with a caching library, because the rule for when an entry holds is the database's own
 * visibility rule (pg_visible_in_snapshot), which no cache knows; the map itself is as plain as
 * {@code PublicPageCache}'s. Measures are pure functions of the stored units and the period (nothing reads the
 * clock), so the period and the goals' definitions are the whole key.
 */
@Component
class GoalMeasureCache {

    static final int MAX_ENTRIES = 1_000;
    /** An entry is measured again after this long whatever happens; the change log keeps a day ({@link #prune}). */
    static final Duration MAX_AGE = Duration.ofHours(1);

    record Key(long programmeId, long organisationId, LocalDate from, LocalDate to, List<ProgrammeGoal> goals) {
    }

    private record Entry(String snapshot, Instant measuredAt, Map<Long, FunderReports.Measured> goals) {
    }

    // the xids grow: a snapshot whose xmax is below the kept one's is another database (restored, replaced)
    private static final String SNAPSHOT = """
            SELECT pg_current_snapshot()::text, current_setting('transaction_isolation'),
                   CAST(CAST(:kept AS text) AS pg_snapshot) IS NOT NULL
                   AND pg_snapshot_xmax(pg_current_snapshot()) >= pg_snapshot_xmax(CAST(CAST(:kept AS text) AS pg_snapshot))
                   AND NOT EXISTS (
                       SELECT 1 FROM follow_up_change c
                       WHERE c.programme_id IN (:programme, 0)
                         AND c.xid >= pg_snapshot_xmin(CAST(CAST(:kept AS text) AS pg_snapshot))
                         AND NOT pg_visible_in_snapshot(c.xid, CAST(CAST(:kept AS text) AS pg_snapshot)))""";

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();
    private final JdbcClient jdbc;
    private final Clock clock;

    GoalMeasureCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Check(String snapshot, String isolation, boolean holds) {
    }

    /**
     * The kept measure for {@code key} when it still holds, else {@code measure}'s, kept. Must run in a
     * repeatable-read transaction, so that the check, the snapshot and the measure see one and the same database.
     */
    Map<Long, FunderReports.Measured> measured(Key key, Supplier<Map<Long, FunderReports.Measured>> measure) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && !now.isBefore(entry.measuredAt().plus(MAX_AGE))) {
            entry = null;
        }
        Check check = jdbc.sql(SNAPSHOT).param("kept", entry == null ? null : entry.snapshot())
                .param("programme", key.programmeId())
                .query((rs, n) -> new Check(rs.getString(1), rs.getString(2), rs.getBoolean(3))).single();
        if (!"repeatable read".equals(check.isolation()) && !"serializable".equals(check.isolation())) {
            throw new IllegalStateException("goal measures are kept only from a repeatable-read transaction");
        }
        if (entry != null && check.holds()) {
            // the same units now as then: keep it under the newer snapshot, so the next check reads fewer changes
            entries.put(key, new Entry(check.snapshot(), entry.measuredAt(), entry.goals()));
            kept.incrementAndGet();
            return entry.goals();
        }
        Map<Long, FunderReports.Measured> measured = Map.copyOf(measure.get());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(check.snapshot(), now, measured));
        return measured;
    }

    /** How many views were given a kept measure (for tests and the benchmark). */
    long keptCount() {
        return kept.get();
    }

    /** Old changes out of the log, old entries out of memory: an entry never outlives the changes it is checked by. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.measuredAt().plus(MAX_AGE)));
        jdbc.sql("DELETE FROM follow_up_change WHERE changed_at < now() - interval '1 day'").update();
    }
}
