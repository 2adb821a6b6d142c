package se.lots.kaa;

import java.util.List;
import java.util.UUID;

import se.lots.shared.imports.Preview;

/**
 * What an import of a school's list would do, shown before anything is saved. {@code digest} fingerprints the
 * planned changes: a confirmation is refused when the register changed since the user saw the preview.
 */
public record ImportPreview(UUID importId, String fileName, String encoding, int rowCount, List<String> unknownColumns,
        List<String> missingColumns, List<RowError> errors, List<Entry> added, List<Entry> changed, int unchanged,
        List<Closing> closing, List<Entry> outside, String digest) implements Preview {

    /** A wrong value: row as in Excel (the header is row 1), the column's name in the file, a message. */
    public record RowError(int row, String column, String message) {
    }

    /** A row of the list: who, and what will happen or why not. */
    public record Entry(int row, UUID personId, String identity, String name, List<String> details) {
    }

    /** An open episode that ends: {@code suggested} is set when the list says why, otherwise the user picks. */
    public record Closing(UUID episodeId, UUID personId, String identity, String name, int row,
            ExitReason suggested, String why) {
    }

    @Override
    public boolean canConfirm() {
        return errors.isEmpty() && missingColumns.isEmpty();
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && closing.isEmpty();
    }
}
