package se.lots.progression;

import java.util.List;

import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Table;

/**
 * One table of the funder's report with its labels; {@code totals} false where a person can count in several rows.
 * Which totals it prints is the table's ({@link #hasRowTotals()}, {@link #hasTotalRow()}): the Finsam table has no
 * total over its measures, the occupations none over start and end.
 */
public record ReportTable(String key, String title, List<String> rows, List<String> columns, Table table,
        boolean totals) {

    public Cell cell(int row, int column) {
        return table.cell(row, column);
    }

    /** Whether the table has a total per row (a table with a grand total has them, even with no rows). */
    public boolean hasRowTotals() {
        return table.total() != null || !table.rowTotals().isEmpty();
    }

    /** Whether the table has a total per column: not where the rows are measures that overlap. */
    public boolean hasTotalRow() {
        return !table.columnTotals().isEmpty();
    }
}
