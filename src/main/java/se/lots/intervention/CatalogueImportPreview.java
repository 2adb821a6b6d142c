package se.lots.intervention;

import java.util.List;
import java.util.UUID;

/**
 * What an xlsx import of the catalogue would do, shown before anything is saved. {@code digest} fingerprints the
 * planned changes and the versions they start from: a confirmation is refused when the catalogue changed since.
 */
public record CatalogueImportPreview(UUID importId, String fileName, int rowCount, List<RowError> errors,
        List<Entry> added, List<Entry> changed, int unchanged, List<String> newProviders, String digest) {

    /** A wrong value: row as in Excel (the header is row 1), the column's name in the file, a message. */
    public record RowError(int row, String column, String message) {
    }

    /** A row that adds or changes an intervention; {@code fields} names what changes. */
    public record Entry(int row, String providerName, String name, List<String> fields) {
    }

    public boolean canConfirm() {
        return errors.isEmpty();
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty();
    }
}
