package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import se.lots.kaa.ImportPreview.RowError;

/**
 * What an import of school signals would do, shown before anything is saved; {@code digest} fingerprints the planned
 * writes, so a confirmation is refused when the signals or the registry changed since the preview.
 */
public record SignalPreview(UUID importId, String fileName, String encoding, int rowCount, List<String> unknownColumns,
        List<String> missingColumns, List<RowError> errors, List<Entry> added, List<Entry> changed, int unchanged,
        int newInRegistry, BigDecimal thresholdPercent, String digest) {

    /** A row that writes a signal: who, which school and period, how much absence, and whether it is flagged. */
    public record Entry(int row, UUID personId, String identity, String name, String school, String period,
            BigDecimal absencePercent, boolean dropoutRisk, boolean flagged, List<String> details) {
    }

    /** New or corrected signals at or above the threshold, or with the school's risk flag. */
    public List<Entry> flagged() {
        return Stream.concat(added.stream(), changed.stream()).filter(Entry::flagged).toList();
    }

    public boolean canConfirm() {
        return errors.isEmpty() && missingColumns.isEmpty();
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty();
    }
}
