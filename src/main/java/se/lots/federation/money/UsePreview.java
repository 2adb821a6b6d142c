package se.lots.federation.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import se.lots.shared.imports.Preview;
import se.lots.shared.imports.RowError;

/**
 * What an import of use per quarter would write, shown before anything is saved: new and corrected quarters, the
 * rows with errors (each naming its row and column), and the programmes whose use of a year would then exceed the
 * grant (the confirmation must say it has seen them). {@code digest} fingerprints the writes.
 */
public record UsePreview(UUID importId, String fileName, String encoding, int rowCount, List<String> unknownColumns,
        List<String> missingColumns, List<RowError> errors, List<UseEntry> added, List<UseEntry> changed, int unchanged,
        List<AboveGrant> aboveGrant, String digest) implements Preview {

    /** A row that writes a quarter's use; {@code before} null for a quarter not entered before. */
    public record UseEntry(int row, long programmeId, String programme, int year, int quarter, BigDecimal before,
            BigDecimal amount) {
    }

    /** A programme's year whose use would exceed its grant once the file is in. */
    public record AboveGrant(long programmeId, String programme, int year, BigDecimal used, BigDecimal granted) {
    }

    @Override
    public boolean canConfirm() {
        return errors.isEmpty() && missingColumns.isEmpty();
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty();
    }
}
