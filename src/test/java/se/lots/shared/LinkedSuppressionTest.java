package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import se.lots.shared.LinkedSuppression.Layout;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;
import se.lots.shared.SmallCountSuppression.Table;

class LinkedSuppressionTest {

    /** Every line of a table with totals as value indexes: the row and column lines with the total last. */
    private static List<int[]> lines(int rows, int columns) {
        // index r * (columns + 1) + c over the table with its totals as an extra row and column
        var lines = new ArrayList<int[]>();
        for (int r = 0; r <= rows; r++) {
            int[] line = new int[columns + 1];
            for (int c = 0; c <= columns; c++) {
                line[c] = r * (columns + 1) + c;
            }
            lines.add(line);
        }
        for (int c = 0; c <= columns; c++) {
            int[] line = new int[rows + 1];
            for (int r = 0; r <= rows; r++) {
                line[r] = r * (columns + 1) + c;
            }
            lines.add(line);
        }
        return lines;
    }

    private static Cell at(Table t, int r, int c, int rows, int columns) {
        if (r == rows && c == columns) {
            return t.total();
        }
        if (r == rows) {
            return t.columnTotals().get(c);
        }
        if (c == columns) {
            return t.rowTotals().get(r);
        }
        return t.cell(r, c);
    }

    /**
     * Whether hidden value {@code target} follows from the shown ones, computed independently of the routine: the
     * lines as equations over the hidden values in floating point; it follows when the unit vector of the target lies
     * in the span of the equations (the rank does not grow when it is added).
     */
    static boolean recoverable(List<int[]> lines, boolean[] hidden, int target) {
        var hiddenIndex = new java.util.HashMap<Integer, Integer>();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i]) {
                hiddenIndex.put(i, hiddenIndex.size());
            }
        }
        var rows = new ArrayList<double[]>();
        for (int[] line : lines) {
            double[] row = new double[hiddenIndex.size()];
            boolean any = false;
            for (int k = 0; k < line.length; k++) {
                Integer h = hiddenIndex.get(line[k]);
                if (h != null) {
                    row[h] += k == line.length - 1 ? 1 : -1;
                    any = true;
                }
            }
            if (any) {
                rows.add(row);
            }
        }
        return Rank.inSpan(rows, hiddenIndex.size(), hiddenIndex.get(target));
    }

    @Test
    void inRandomSmallTablesEveryLineWithAHiddenValueHidesTwoAndNoSmallCellFollowsFromTheTotals() {
        var random = new Random(24);
        for (int round = 0; round < 3_000; round++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(5);
            long[][] counts = new long[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    // mostly small counts and zeros, where suppression has work to do
                    counts[r][c] = random.nextInt(3) == 0 ? 0 : random.nextInt(4) == 0 ? 5 + random.nextInt(20)
                            : 1 + random.nextInt(6);
                }
            }
            Table t = SmallCountSuppression.suppressed(counts);
            boolean[] hidden = new boolean[(rows + 1) * (columns + 1)];
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    Cell cell = at(t, r, c, rows, columns);
                    hidden[r * (columns + 1) + c] = cell.hidden();
                    String where = "round " + round + " cell " + r + "," + c + " of " + java.util.Arrays.deepToString(counts);
                    if (cell.count() >= 1 && cell.count() <= 4) {
                        assertThat(cell.mark()).as(where).isEqualTo(Mark.SMALL);
                    }
                    if (cell.count() == 0) {
                        assertThat(cell.hidden()).as(where).isFalse();
                    }
                }
            }
            for (int[] line : lines(rows, columns)) {
                long hiddenInLine = java.util.Arrays.stream(line).filter(i -> hidden[i]).count();
                assertThat(hiddenInLine).as("a line of " + java.util.Arrays.deepToString(counts)).isNotEqualTo(1L);
            }
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    if (at(t, r, c, rows, columns).mark() == Mark.SMALL) {
                        assertThat(recoverable(lines(rows, columns), hidden, r * (columns + 1) + c))
                                .as("cell " + r + "," + c + " of " + java.util.Arrays.deepToString(counts)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aCellOnABridgeBetweenTwoProtectedBlocksIsFoundAndProtectedThoughEveryLineHidesTwo() {
        // the line rule alone leaves every line with two hidden values, yet the 2 at (2,2) is the only hidden value
        // linking two blocks of hidden cells, so it follows from the lines together; the audit hides more
        long[][] counts = {
                { 1, 1, 0, 0, 40 },
                { 1, 1, 0, 0, 40 },
                { 0, 0, 2, 0, 40 },
                { 0, 0, 0, 1, 40 },
                { 40, 40, 40, 40, 40 } };
        Table t = SmallCountSuppression.suppressed(counts);
        int rows = counts.length;
        int columns = counts[0].length;
        boolean[] hidden = new boolean[(rows + 1) * (columns + 1)];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                hidden[r * (columns + 1) + c] = at(t, r, c, rows, columns).hidden();
            }
        }
        assertThat(recoverable(lines(rows, columns), hidden, 2 * (columns + 1) + 2)).isFalse();
    }

    @Test
    void aValueSharedByTwoTablesIsHiddenInBothSoNeitherGivesItAway() {
        // the report's women (row total of its gender × age table) are the overview's women of that programme
        var s = new LinkedSuppression();
        var report = new Layout(List.of(List.of("P1|K|0", "P1|K|1"), List.of("P1|M|0", "P1|M|1")),
                List.of("P1|K|*", "P1|M|*"), List.of("P1|*|0", "P1|*|1"), "P1|*|*");
        s.table(report, new long[][] { { 1, 2 }, { 10, 12 } });
        var overview = new Layout(List.of(List.of("P1|K|*", "P1|M|*"), List.of("P2|K|*", "P2|M|*")),
                List.of("P1|*|*", "P2|*|*"), List.of("G|K", "G|M"), "G|*");
        s.table(overview, new long[][] { { 3, 22 }, { 30, 40 } });
        Map<String, Cell> cells = s.suppress();
        Table r = LinkedSuppression.read(report, cells);
        Table o = LinkedSuppression.read(overview, cells);
        assertThat(r.rowTotals().get(0).hidden()).isTrue();
        assertThat(o.cell(0, 0).hidden()).isTrue();
        // G|K − P2|K would be P1's women if P2's women were shown while the overview's total is
        assertThat(o.cell(1, 0).hidden() || o.columnTotals().get(0).hidden()).isTrue();
    }

    @Test
    void aValuePublishedEarlierKeepsItsMarkAndTheNewTablesHideAroundIt() {
        // H1 published: 2 (<5); the year and H2 must not give it away as year − H2
        var s = new LinkedSuppression();
        s.published("H1|x", new Cell(2, Mark.SMALL));
        s.value("H2|x", 9).value("Y|x", 11).line("Y|x", List.of("H1|x", "H2|x"));
        Map<String, Cell> cells = s.suppress();
        assertThat(cells.get("H1|x").mark()).isEqualTo(Mark.SMALL);
        assertThat(cells.get("H2|x").hidden()).isTrue();
    }
}
