package se.lots.shared.imports;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an import keeps its files between upload and decision, and the record of each import that stays: a table
 * of the import's own module (who, when, which file, what it did).
 */
public interface KeptFiles<C extends ImportChanges> {

    /** Keeps the file and returns its id; {@code sha256} fingerprints the content. */
    UUID keep(Importer who, String fileName, byte[] content, String sha256);

    /** The file while it can be shown (at least until it is decided). */
    Optional<KeptFile> find(UUID id);

    /** What the preview found, for the record. */
    void counts(UUID id, C changes);

    /** Marks the file confirmed with what was written; false when it was decided already (a second click). */
    boolean confirm(UUID id, C changes, long userId);

    /** Drops the file, keeping the record; false when it was decided already. An import without discard keeps this. */
    default boolean discard(UUID id) {
        throw new UnsupportedOperationException("this import's files are not discarded");
    }
}
