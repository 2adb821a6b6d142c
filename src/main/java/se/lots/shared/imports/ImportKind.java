package se.lots.shared.imports;

import java.util.Locale;
import java.util.UUID;

/**
 * The parts of an import that are its own, plugged into the {@link ImportPipeline}: how a kept file is read and
 * compared with what is stored (its columns, its row checks, the diff), what is audited when a preview is shown, and
 * the writes of a confirmation. {@code D} is what the user decides when confirming (nothing: {@link Void}).
 */
public interface ImportKind<I extends Importer, C extends ImportChanges, D> {

    /**
     * Reads the file and finds what confirming it would write, with its errors; saves nothing. A file that cannot be
     * read at all is refused by {@link se.lots.shared.InvalidInputException} on the field {@code file}, or is a
     * preview with that error.
     */
    C changes(I who, KeptFile file, Locale locale, Progress progress);

    /**
     * What confirming a file with errors (or without a column it must have) throws, as the import's pages and API
     * show it: an {@link se.lots.shared.InvalidInputException}, or a {@link se.lots.shared.ConflictException} where
     * the page shows every refusal as a conflict.
     */
    RuntimeException refusal(UUID importId, C changes);

    /** After an upload was kept and counted. */
    default void kept(I who, KeptFile file, C changes) {
    }

    /** Whenever a preview is shown, after an upload too: what it shows of persons is audited here. */
    default void shown(I who, KeptFile file, C changes, Progress progress) {
    }

    /**
     * Writes {@code changes}, which the user has seen unchanged, with the user's {@code decisions}; throws
     * {@link se.lots.shared.ConflictException} when a write finds that something changed since (the whole
     * confirmation is then rolled back).
     */
    void apply(I who, KeptFile file, C changes, D decisions, Progress progress);
}
