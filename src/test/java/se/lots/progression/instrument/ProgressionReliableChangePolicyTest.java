package se.lots.progression.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.lots.progression.instrument.ReliableChangePolicy.Point;
import se.lots.progression.instrument.ReliableChangePolicy.Progress;
import se.lots.progression.instrument.ReliableChangePolicy.Trend;

/** Hand-built ORS-style series (0–40, cut-off 25, reliable change 5) with the answers worked out by hand. */
class ProgressionReliableChangePolicyTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    static final BigDecimal FIVE = BigDecimal.valueOf(5);
    static final BigDecimal CUT_OFF = BigDecimal.valueOf(25);

    static Progress ors(LocalDate today, int... totals) {
        var series = new java.util.ArrayList<Point>();
        for (int i = 0; i < totals.length; i++) {
            series.add(new Point(DAY.plusWeeks(2L * i), BigDecimal.valueOf(totals[i])));
        }
        return ReliableChangePolicy.classify(series, FIVE, CUT_OFF, true, today, 8);
    }

    @Test
    void anImprovementOfExactlyTheThresholdIsReliableAndCrossingTheCutOffIsClinicallySignificant() {
        Progress p = ors(DAY.plusWeeks(4), 20, 22, 25);
        assertThat(p.trend()).isEqualTo(Trend.IMPROVED);
        assertThat(p.change()).isEqualByComparingTo("5");
        assertThat(p.clinicallySignificant()).isTrue();
        assertThat(p.belowCutOffNow()).isFalse();
    }

    @Test
    void aReliableImprovementThatStaysBelowTheCutOffIsNotClinicallySignificant() {
        Progress p = ors(DAY.plusWeeks(4), 10, 16);
        assertThat(p.trend()).isEqualTo(Trend.IMPROVED);
        assertThat(p.clinicallySignificant()).isFalse();
        assertThat(p.belowCutOffNow()).isTrue();
    }

    @Test
    void aChangeOfFourIsNotReliableAndAfterEightWeeksCountsAsStuck() {
        assertThat(ors(DAY.plusWeeks(7), 20, 24).trend()).isEqualTo(Trend.NOT_YET);
        assertThat(ors(DAY.plusWeeks(8), 20, 24).trend()).isEqualTo(Trend.STUCK);
    }

    @Test
    void theLatestComparedWithTheFirstDecidesNotTheBestOnTheWay() {
        assertThat(ors(DAY.plusWeeks(6), 30, 38, 25).trend()).isEqualTo(Trend.WORSENED);
        assertThat(ors(DAY.plusWeeks(6), 30, 38, 29).trend()).isEqualTo(Trend.NOT_YET);
    }

    @Test
    void aScaleWhereLowerIsBetterTurnsTheDirection() {
        var series = List.of(new Point(DAY, BigDecimal.valueOf(30)), new Point(DAY.plusWeeks(3), BigDecimal.valueOf(20)));
        Progress p = ReliableChangePolicy.classify(series, FIVE, CUT_OFF, false, DAY.plusWeeks(3), 8);
        assertThat(p.trend()).isEqualTo(Trend.IMPROVED);
        assertThat(p.clinicallySignificant()).isTrue();
    }

    @Test
    void oneAssessmentIsOnlyAStartingPoint() {
        assertThat(ors(DAY.plusWeeks(20), 12).trend()).isEqualTo(Trend.SINGLE);
        assertThat(ReliableChangePolicy.classify(List.of(), FIVE, CUT_OFF, true, DAY, 8)).isNull();
    }
}
