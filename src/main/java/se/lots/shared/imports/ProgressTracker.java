package se.lots.shared.imports;

/** Told by an import how far it has come: the phase as a message key, {@code done} of {@code total} rows or items. */
@FunctionalInterface
public interface ProgressTracker {

    void report(String phase, long done, long total);

    /** When nobody watches. */
    ProgressTracker NONE = (phase, done, total) -> {
    };
}
