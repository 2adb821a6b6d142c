package se.lots.progression;

import java.util.List;

import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Table;

/** One table of the funder's report with its labels; {@code totals} false where a person can count in several rows. */
public record ReportTable(String key, String title, List<String> rows, List<String> columns, Table table,
        boolean totals) {

    public Cell cell(int row, int column) {
        return table.cell(row, column);
    }
}
