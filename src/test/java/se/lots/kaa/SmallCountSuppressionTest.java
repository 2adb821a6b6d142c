package se.lots.kaa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.kaa.SmallCountSuppression.Cell;

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
}
