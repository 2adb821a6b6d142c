package se.lots.kaa.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * How far a long import has come, for the page that polls it while the upload or confirmation request is still
 * being worked on. Kept in memory on the node that does the work: the polling request comes from the same browser
 * session, which stays on one node (docs/operations.md). Entries are dropped an hour after their last change.
 */
@Component
public class ImportProgress {

    /** The phase is a message key ({@code kaa.import.progress.*}); {@code done} of {@code total} rows or items. */
    public record Step(String username, String phase, long done, long total, Instant at) {

        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /** Told by the import as it goes; {@link #NONE} when nobody watches. */
    public interface Tracker {

        void report(String phase, long done, long total);

        Tracker NONE = (phase, done, total) -> {
        };
    }

    private static final Duration KEPT = Duration.ofHours(1);

    private final Map<UUID, Step> steps = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportProgress(Clock clock) {
        this.clock = clock;
    }

    /** A tracker for the browser's token; a missing token means nobody polls. */
    public Tracker track(UUID token, String username) {
        if (token == null) {
            return Tracker.NONE;
        }
        Instant now = clock.instant();
        steps.values().removeIf(s -> s.at().isBefore(now.minus(KEPT)));
        return (phase, done, total) -> steps.put(token, new Step(username, phase, done, total, clock.instant()));
    }

    /** Only the user who started the import sees how far it has come. */
    public Optional<Step> current(UUID token, String username) {
        return Optional.ofNullable(steps.get(token)).filter(s -> s.username().equals(username));
    }
}
