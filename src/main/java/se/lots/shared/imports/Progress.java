package se.lots.shared.imports;

import java.util.Locale;

/**
 * An import's phases as its tracker hears them: each under the import's message keys, {@code keys + ".checking"} and
 * so on, so that the page polling the tracker can say in words how far the import has come.
 */
public record Progress(ProgressTracker tracker, String keys) {

    public enum Phase {
        /** The rows one by one. */
        CHECKING,
        /** The rows that passed against what is stored. */
        MATCHING,
        /** The reads of the preview into the audit log. */
        LOGGING,
        /** The writes of a confirmation. */
        SAVING,
        DONE;

        private final String key = name().toLowerCase(Locale.ROOT);
    }

    public static final Progress NONE = new Progress(ProgressTracker.NONE, "");

    public void report(Phase phase, long done, long total) {
        tracker.report(keys + "." + phase.key, done, total);
    }
}
