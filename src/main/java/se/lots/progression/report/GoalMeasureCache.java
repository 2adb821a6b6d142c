package se.lots.progression.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lots.organisation.OrganisationId;
import se.lots.progression.ProgrammeGoal;
import se.lots.progression.report.FunderReports.Measured;

/**
 * The goals page's measures, kept per programme, period and goals together with the database snapshot they were
 * read under, and brought up to date on the next view from the units changed since: what those units count now less
 * what they counted under the kept snapshot (V32 logs, per writing transaction, each unit as it was before). Every
 * measure is a sum over units, so that is the measure now, and it reads a handful of units instead of all of a
 * programme's. Nothing changed since: the kept measure as it is. So a kept measure is never stale: a write committed
 * a moment ago, or one that was still running when the measure was read, is in the next view; a write that rolled
 * back leaves nothing. The check and the update run in the caller's repeatable-read transaction, so they see the
 * same database as the snapshot they record.
 *
 * <p>Written here, not with a caching library, because when an entry holds and how it is brought up to date follow
 * the database's own visibility rule (pg_visible_in_snapshot), which no cache knows; the map itself is as plain as
 * {@code PublicPageCache}'s. Measures are pure functions of the stored units, the journey and the period (nothing
 * reads the clock), so the period and the goals' definitions are the whole key.
 */
@Component
public class GoalMeasureCache {

    static final int MAX_ENTRIES = 1_000;
    /** More units changed than this since the kept measure: measured again from all units, which is then cheaper. */
    static final int MAX_CHANGED = 2_000;
    /**
     * An entry whose snapshot is older than this (not viewed for so long) is measured again from all units: the logs
     * it would be checked against keep a day ({@link #prune}), so the changes of a transaction that was already
     * running then are there unless it ran for twelve hours.
     */
    static final Duration MAX_AGE = Duration.ofHours(12);

    public record Key(long programmeId, OrganisationId organisationId, LocalDate from, LocalDate to,
            List<ProgrammeGoal> goals) {
    }

    private record Entry(String snapshot, Instant snapshotAt, Map<Long, Measured> goals) {
    }

    // usable: a kept snapshot of this database (the xids only grow; a lower xmax now means it was restored or
    // replaced) and no TRUNCATE since; then the units changed since, and how many (at most one more than
    // MAX_CHANGED). follow_up_unseen: the writing transaction was not seen by the snapshot.
    private static final String CHECK = """
            SELECT pg_current_snapshot()::text AS snapshot, current_setting('transaction_isolation') AS isolation,
                   CAST(:kept AS text) IS NOT NULL
                   AND pg_snapshot_xmax(pg_current_snapshot()) >= pg_snapshot_xmax(CAST(CAST(:kept AS text) AS pg_snapshot))
                   AND NOT EXISTS (SELECT 1 FROM follow_up_unit_before
                                    WHERE programme_id = 0 AND follow_up_unseen(xid, CAST(:kept AS text))) AS usable,
                   c.ids AS changed, cardinality(c.ids) AS changed_count
            FROM (SELECT ARRAY(SELECT DISTINCT unit_id FROM follow_up_unit_before
                                WHERE programme_id = :programme AND follow_up_unseen(xid, CAST(:kept AS text))
                                LIMIT :limit) AS ids) c""";

    private record Check(String snapshot, String isolation, boolean usable, UUID[] changed, int changedCount) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final FunderReports reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    GoalMeasureCache(FunderReports reports, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The goals' measures now. Must run in a repeatable-read transaction. */
    public Map<Long, Measured> measured(Key key) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && !now.isBefore(entry.snapshotAt().plus(MAX_AGE))) {
            entry = null;
        }
        Check check = jdbc.sql(CHECK).param("kept", entry == null ? null : entry.snapshot())
                .param("programme", key.programmeId()).param("limit", MAX_CHANGED + 1)
                .query((rs, n) -> new Check(rs.getString("snapshot"), rs.getString("isolation"),
                        rs.getBoolean("usable"), (UUID[]) rs.getArray("changed").getArray(), rs.getInt("changed_count")))
                .single();
        if (!"repeatable read".equals(check.isolation()) && !"serializable".equals(check.isolation())) {
            throw new IllegalStateException("goal measures are kept only from a repeatable-read transaction");
        }
        Map<Long, Measured> measured;
        if (entry != null && check.usable() && check.changedCount() == 0) {
            kept.incrementAndGet();
            measured = entry.goals();
        } else if (entry != null && check.usable() && check.changedCount() <= MAX_CHANGED) {
            updated.incrementAndGet();
            measured = plus(entry.goals(),
                    reports.changedGoals(check.changed(), null, key.programmeId(), key.organisationId(), key.from(),
                            key.to(), key.goals()),
                    reports.changedGoals(check.changed(), entry.snapshot(), key.programmeId(), key.organisationId(),
                            key.from(), key.to(), key.goals()));
        } else {
            measured = Map.copyOf(reports.goals(key.programmeId(), key.organisationId(), key.from(), key.to(),
                    key.goals()));
        }
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.clear();
        }
        // kept under the newer snapshot, so the next check reads only what changed after it (sums of whole numbers:
        // bringing it up to date any number of times gives exactly the measure from all units)
        entries.put(key, new Entry(check.snapshot(), now, measured));
        return measured;
    }

    /** {@code kept} + {@code now} − {@code before}, goal by goal. */
    private static Map<Long, Measured> plus(Map<Long, Measured> kept, Map<Long, Measured> now,
            Map<Long, Measured> before) {
        var sum = new HashMap<Long, Measured>();
        kept.forEach((goal, k) -> {
            Measured n = now.get(goal);
            Measured b = before.get(goal);
            sum.put(goal, new Measured(k.hits() + n.hits() - b.hits(), k.units() + n.units() - b.units(),
                    k.amount() + n.amount() - b.amount(), k.days() + n.days() - b.days()));
        });
        return Map.copyOf(sum);
    }

    /** How many views were given the kept measure as it was (for tests and the benchmark). */
    public long keptCount() {
        return kept.get();
    }

    /** How many views brought a kept measure up to date from the changed units (for tests and the benchmark). */
    public long updatedCount() {
        return updated.get();
    }

    /** Old changes out of the logs, old entries out of memory: an entry never outlives the changes it is checked by. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.snapshotAt().plus(MAX_AGE)));
        jdbc.sql("DELETE FROM follow_up_unit_before WHERE changed_at < now() - interval '1 day'").update();
        jdbc.sql("DELETE FROM follow_up_contact_change WHERE changed_at < now() - interval '1 day'").update();
    }
}
