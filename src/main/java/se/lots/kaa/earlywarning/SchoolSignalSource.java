package se.lots.kaa.earlywarning;

import java.util.List;
import java.util.Map;

import se.lots.shared.TabularFile;

/**
 * Where school absence signals come from. Today a file the school sends ({@link SchoolSignalFile}); an SS 12000 feed
 * (Person, Organisation/school unit, Enrolment/Placement, StudentGroup, Attendance) would be a second
 * implementation that fetches, keeps a snapshot and reads it into the same {@link Batch}: the import service checks,
 * previews and saves whatever the source delivers, all or nothing. See docs/kaa.md for the SS 12000 mapping.
 */
public interface SchoolSignalSource {

    /** {@code FILE} or {@code SS12000}: recorded on the import. */
    String kind();

    /**
     * Everything the source reports, unchecked. Throws {@link se.lots.shared.InvalidInputException} on field
     * {@code file} when nothing can be read at all.
     */
    Batch read();

    /** One student's absence at one school over one period, as text, exactly as the source had it. */
    record ReportedAbsence(int row, Map<SignalColumn, String> values) {

        public String value(SignalColumn column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /** A column the source has but Lots does not read: shown in the preview, never silently dropped. */
    record UnknownColumn(String name, int position) {
    }

    /**
     * {@code columnNames}: what the source calls each column it has (errors name the column as the school wrote
     * it); {@code duplicateColumns}: names of columns the source has twice (the file cannot be imported);
     * {@code refused}: values holding a character {@link se.lots.shared.TextInput} refuses (each a row error).
     */
    record Batch(String encoding, Map<SignalColumn, String> columnNames, List<UnknownColumn> unknownColumns,
            List<String> duplicateColumns, List<ReportedAbsence> rows, List<TabularFile.Refused> refused) {

        public boolean has(SignalColumn column) {
            return columnNames.containsKey(column);
        }

        public String columnName(SignalColumn column) {
            return columnNames.getOrDefault(column, column.header());
        }
    }
}
