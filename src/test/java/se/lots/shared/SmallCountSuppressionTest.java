package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.shared.SmallCountSuppression.Cell;

class SmallCountSuppressionTest {

    private static List<String> texts(SmallCountSuppression.Result r) {
        return r.cells().stream().map(Cell::text).toList();
    }

    @Test
    void countsOfFiveOrMoreAndZeroAreShownAsTheyAre() {
        var r = SmallCountSuppression.apply(List.of(5L, 0L, 12L), 17);
        assertThat(texts(r)).containsExactly("5", "0", "12");
        assertThat(r.total().text()).isEqualTo("17");
    }

    @Test
    void aCountFromOneToFourIsShownAsLessThanFive() {
        var r = SmallCountSuppression.apply(List.of(1L, 4L, 20L, 30L), 55);
        assertThat(texts(r).subList(0, 2)).containsExactly("<5", "<5");
    }

    @Test
    void aLoneSmallCountThatTheTotalWouldRevealHidesTheNextSmallestCellToo() {
        // 2 = 32 − 10 − 20 if only the 2 were hidden
        var r = SmallCountSuppression.apply(List.of(2L, 10L, 20L), 32);
        assertThat(texts(r)).containsExactly("<5", "..", "20");
        assertThat(r.total().text()).isEqualTo("32");
    }

    @Test
    void theSecondaryCellIsNeverAZeroBecauseAZeroHidesNothing() {
        var r = SmallCountSuppression.apply(List.of(3L, 0L, 8L, 40L), 51);
        assertThat(texts(r)).containsExactly("<5", "0", "..", "40");
    }

    @Test
    void twoSmallCellsThatCanOnlyBeOneEachAreProtectedFurther() {
        // hidden sum 2 over two cells of at least 1: both would be 1
        var r = SmallCountSuppression.apply(List.of(1L, 1L, 10L), 12);
        assertThat(texts(r)).containsExactly("<5", "<5", "..");
    }

    @Test
    void aSecondaryCellOfExactlyFiveIsNotEnoughWhenItPinsTheSmallOneDown() {
        // 1 and 5 hidden, sum 6: the small one could only be 1; the 20 is hidden as well
        var r = SmallCountSuppression.apply(List.of(1L, 5L, 20L), 26);
        assertThat(texts(r)).containsExactly("<5", "..", "..");
        assertThat(r.total().hidden()).isFalse();
    }

    @Test
    void whenNoCellIsLeftToHideTheTotalIsHidden() {
        var r = SmallCountSuppression.apply(List.of(1L, 5L), 6);
        assertThat(texts(r)).containsExactly("<5", "..");
        assertThat(r.total().text()).isEqualTo("..");
    }

    @Test
    void aSmallTotalIsItselfSuppressed() {
        var r = SmallCountSuppression.apply(List.of(3L, 0L), 3);
        assertThat(texts(r)).containsExactly("<5", "0");
        assertThat(r.total().text()).isEqualTo("<5");
    }

    @Test
    void noSuppressedCellCanBeWorkedOutFromTheTotalInAnyTableUpToTwelve() {
        // brute force over small tables: whatever is published, each "<5" cell keeps at least two possible values
        for (long a = 0; a <= 12; a++) {
            for (long b = 0; b <= 12; b++) {
                for (long c = 0; c <= 12; c++) {
                    var counts = List.of(a, b, c);
                    var r = SmallCountSuppression.apply(counts, a + b + c);
                    if (r.total().hidden()) {
                        continue;
                    }
                    for (int i = 0; i < 3; i++) {
                        if (r.cells().get(i).mark() == SmallCountSuppression.Mark.SMALL) {
                            assertThat(possibleValues(r, i)).as("%s cell %d", counts, i).isGreaterThan(1);
                        }
                    }
                }
            }
        }
    }

    /** How many values of cell i agree with what is published (small: 1–4, secondary: at least 5, total known). */
    private static int possibleValues(SmallCountSuppression.Result r, int i) {
        int possible = 0;
        for (long v = 1; v <= 4; v++) {
            if (consistent(r, i, v)) {
                possible++;
            }
        }
        return possible;
    }

    private static boolean consistent(SmallCountSuppression.Result r, int fixed, long value) {
        long rest = r.total().count() - value;
        long min = 0;
        boolean unbounded = false;
        long max = 0;
        for (int j = 0; j < r.cells().size(); j++) {
            Cell c = r.cells().get(j);
            if (j == fixed) {
                continue;
            }
            switch (c.mark()) {
                case SHOWN -> {
                    min += c.count();
                    max += c.count();
                }
                case SMALL -> {
                    min += 1;
                    max += 4;
                }
                case SECONDARY -> {
                    min += 5;
                    unbounded = true;
                }
            }
        }
        return rest >= min && (unbounded || rest <= max);
    }

    private static List<List<String>> texts(SmallCountSuppression.Table t) {
        return t.cells().stream().map(row -> row.stream().map(Cell::text).toList()).toList();
    }

    @Test
    void aTableWithOneSmallCellInARowHidesTheNextSmallestInThatRowAndColumn() {
        // without secondary suppression the 2 would follow from the row total 12 − 10
        var t = SmallCountSuppression.suppressed(new long[][] { { 2, 10, 30 }, { 8, 12, 40 } });
        assertThat(t.cell(0, 0).text()).isEqualTo("<5");
        assertThat(t.cell(0, 1).text()).isEqualTo("..");
        // the column of the 2 would give it away as 10 − 8: the 8 is hidden too, and then its row needs a second
        assertThat(t.cell(1, 0).text()).isEqualTo("..");
        assertThat(t.cell(1, 1).text()).isEqualTo("..");
        assertThat(t.cell(0, 2).text()).isEqualTo("30");
        assertThat(t.rowTotals()).extracting(Cell::text).containsExactly("42", "60");
        assertThat(t.columnTotals()).extracting(Cell::text).containsExactly("10", "22", "70");
        assertThat(t.total().text()).isEqualTo("102");
    }

    @Test
    void noRowOrColumnOfASuppressedTableHasExactlyOneHiddenValue() {
        long[][] counts = { { 1, 7, 0, 9 }, { 6, 3, 12, 5 }, { 0, 0, 4, 20 }, { 15, 8, 6, 2 } };
        var t = SmallCountSuppression.suppressed(counts);
        for (int r = 0; r < counts.length; r++) {
            long hidden = t.cells().get(r).stream().filter(Cell::hidden).count()
                    + (t.rowTotals().get(r).hidden() ? 1 : 0);
            assertThat(hidden).as("row " + r).isNotEqualTo(1);
        }
        for (int c = 0; c < counts[0].length; c++) {
            int column = c;
            long hidden = t.cells().stream().filter(row -> row.get(column).hidden()).count()
                    + (t.columnTotals().get(c).hidden() ? 1 : 0);
            assertThat(hidden).as("column " + c).isNotEqualTo(1);
        }
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[0].length; c++) {
                if (counts[r][c] > 0 && counts[r][c] < 5) {
                    assertThat(t.cell(r, c).text()).isEqualTo("<5");
                }
            }
        }
    }

    @Test
    void aRowWhoseOnlyOtherCellsAreZeroHidesItsTotal() {
        var t = SmallCountSuppression.suppressed(new long[][] { { 3, 0 }, { 10, 20 }, { 7, 9 } });
        assertThat(t.cell(0, 0).text()).isEqualTo("<5");
        assertThat(t.cell(0, 1).text()).isEqualTo("0");
        assertThat(t.rowTotals().get(0).text()).isEqualTo("<5");
    }

    @Test
    void theExactTableHidesNothing() {
        var t = SmallCountSuppression.exact(new long[][] { { 2, 10 }, { 8, 12 } });
        assertThat(texts(t)).containsExactly(List.of("2", "10"), List.of("8", "12"));
        assertThat(t.total().text()).isEqualTo("32");
    }

    @Test
    void twoSmallCellsInARowThatCanOnlyBeOneEachHideTheNextSmallestToo() {
        // a row 6, 1, 1 of 8: with only the two 1s hidden, 8 − 6 = 2 leaves them one each
        var t = SmallCountSuppression.suppressed(new long[][] { { 6, 1, 1 }, { 20, 30, 40 } });
        assertThat(t.cell(0, 1).text()).isEqualTo("<5");
        assertThat(t.cell(0, 2).text()).isEqualTo("<5");
        assertThat(t.cell(0, 0).hidden() || t.rowTotals().get(0).hidden()).isTrue();
    }

    @Test
    void noSmallCellOfASuppressedRowCanBeWorkedOutFromItsShownTotal() {
        // brute force over two-row tables whose first row is a, b, c (up to 9) beside a row of large counts
        for (long a = 0; a <= 9; a++) {
            for (long b = 0; b <= 9; b++) {
                for (long c = 0; c <= 9; c++) {
                    var t = SmallCountSuppression.suppressed(new long[][] { { a, b, c }, { 50, 60, 70 } });
                    if (t.rowTotals().get(0).hidden()) {
                        continue;
                    }
                    var row = new SmallCountSuppression.Result(t.cells().get(0), t.rowTotals().get(0));
                    for (int i = 0; i < 3; i++) {
                        if (row.cells().get(i).mark() == SmallCountSuppression.Mark.SMALL) {
                            assertThat(possibleValues(row, i)).as("%d %d %d cell %d", a, b, c, i).isGreaterThan(1);
                        }
                    }
                }
            }
        }
    }
}
