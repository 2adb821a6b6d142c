package se.lots.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistics must never reveal an individual: in every aggregate that leaves the KAA role, a count of 1–4 is shown
 * as "<5" (primary suppression). Because the tables carry a total, one hidden cell could be worked out as the total
 * minus the visible cells; so further cells are hidden ("..", secondary suppression) — the smallest visible non-zero
 * ones first — until no primary cell's value follows from the total, and the total itself is hidden when no cell is
 * left to hide. Zero is shown: it names nobody. The table is treated as additive (cells sum to the total), which is
 * the cautious reading also for tables where a person can count in several rows.
 */
public final class SmallCountSuppression {

    public static final int THRESHOLD = 5;

    public enum Mark { SHOWN, SMALL, SECONDARY }

    /** A published count: {@link #text()} is what a report shows. */
    public record Cell(long count, Mark mark) {

        public boolean hidden() {
            return mark != Mark.SHOWN;
        }

        public String text() {
            return switch (mark) {
                case SHOWN -> Long.toString(count);
                case SMALL -> "<" + THRESHOLD;
                case SECONDARY -> "..";
            };
        }
    }

    public record Result(List<Cell> cells, Cell total) {
    }

    private SmallCountSuppression() {
    }

    static boolean small(long count) {
        return count > 0 && count < THRESHOLD;
    }

    public static Result apply(List<Long> counts, long total) {
        var marks = new ArrayList<Mark>();
        counts.forEach(c -> marks.add(small(c) ? Mark.SMALL : Mark.SHOWN));
        Mark totalMark = small(total) ? Mark.SMALL : Mark.SHOWN;
        while (totalMark == Mark.SHOWN && someSmallCellFollowsFromTotal(counts, marks, total)) {
            int next = smallestVisibleNonZero(counts, marks);
            if (next < 0) {
                totalMark = Mark.SECONDARY;
            } else {
                marks.set(next, Mark.SECONDARY);
            }
        }
        var cells = new ArrayList<Cell>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(new Cell(counts.get(i), marks.get(i)));
        }
        return new Result(cells, new Cell(total, totalMark));
    }

    /**
     * What a reader knows: the hidden cells sum to total − visible; a "<5" cell lies in 1..4 and a ".." cell (chosen
     * among the visible non-zero cells, so at least {@value #THRESHOLD} when it was picked) in 5..∞. A "<5" cell is
     * disclosed when that leaves it a single possible value.
     */
    static boolean someSmallCellFollowsFromTotal(List<Long> counts, List<Mark> marks, long total) {
        long visible = 0;
        long hiddenMinimum = 0;
        long smallCells = 0;
        boolean anySecondary = false;
        for (int i = 0; i < counts.size(); i++) {
            switch (marks.get(i)) {
                case SHOWN -> visible += counts.get(i);
                case SMALL -> {
                    hiddenMinimum += 1;
                    smallCells++;
                }
                case SECONDARY -> {
                    hiddenMinimum += secondaryMinimum(counts.get(i));
                    anySecondary = true;
                }
            }
        }
        if (smallCells == 0) {
            return false;
        }
        long hiddenSum = total - visible;
        // each small cell: lowest = hiddenSum − others' maximum, highest = hiddenSum − others' minimum
        long highest = Math.min(THRESHOLD - 1, hiddenSum - (hiddenMinimum - 1));
        long lowest = anySecondary ? 1 : Math.max(1, hiddenSum - (THRESHOLD - 1) * (smallCells - 1));
        return highest <= lowest;
    }

    private static long secondaryMinimum(long count) {
        return Math.min(count, THRESHOLD);
    }

    private static int smallestVisibleNonZero(List<Long> counts, List<Mark> marks) {
        int best = -1;
        for (int i = 0; i < counts.size(); i++) {
            if (marks.get(i) == Mark.SHOWN && counts.get(i) > 0 && (best < 0 || counts.get(i) < counts.get(best))) {
                best = i;
            }
        }
        return best;
    }

    /** A published table: cells by row and column, with row totals, column totals and the grand total. */
    public record Table(List<List<Cell>> cells, List<Cell> rowTotals, List<Cell> columnTotals, Cell total) {

        public Cell cell(int row, int column) {
            return cells.get(row).get(column);
        }
    }

    /** The table as it is, for roles that may see individuals: nothing hidden. */
    public static Table exact(long[][] counts) {
        return table(counts);
    }

    /**
     * Primary suppression of every count 1–4 in a table with row and column totals, then secondary suppression so
     * that no hidden count follows from the totals by adding or subtracting rows and columns: {@link LinkedSuppression}
     * over the table alone (a line with exactly one hidden value, or whose total pins a "<5" cell, hides its smallest
     * visible non-zero cell or its total; then any "<5" cell that still follows from the lines together gets one more
     * neighbour hidden).
     */
    public static Table suppressed(long[][] counts) {
        if (counts.length == 0) {
            return table(counts);
        }
        var rows = new ArrayList<String>();
        for (int r = 0; r < counts.length; r++) {
            rows.add(Integer.toString(r));
        }
        var columns = new ArrayList<String>();
        for (int c = 0; c < counts[0].length; c++) {
            columns.add(Integer.toString(c));
        }
        var layout = LinkedSuppression.Layout.of("t", rows, columns);
        return LinkedSuppression.read(layout, new LinkedSuppression().table(layout, counts).suppress());
    }

    private static Table table(long[][] counts) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        // the table with its totals as an extra row and column; [rows][columns] is the grand total
        long[][] v = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                v[r][c] = counts[r][c];
                v[r][columns] += counts[r][c];
                v[rows][c] += counts[r][c];
                v[rows][columns] += counts[r][c];
            }
        }
        Mark[][] m = new Mark[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                m[r][c] = Mark.SHOWN;
            }
        }
        var cells = new ArrayList<List<Cell>>();
        for (int r = 0; r < rows; r++) {
            var row = new ArrayList<Cell>();
            for (int c = 0; c < columns; c++) {
                row.add(new Cell(v[r][c], m[r][c]));
            }
            cells.add(List.copyOf(row));
        }
        var rowTotals = new ArrayList<Cell>();
        for (int r = 0; r < rows; r++) {
            rowTotals.add(new Cell(v[r][columns], m[r][columns]));
        }
        var columnTotals = new ArrayList<Cell>();
        for (int c = 0; c < columns; c++) {
            columnTotals.add(new Cell(v[rows][c], m[rows][c]));
        }
        return new Table(List.copyOf(cells), List.copyOf(rowTotals), List.copyOf(columnTotals),
                new Cell(v[rows][columns], m[rows][columns]));
    }
}
