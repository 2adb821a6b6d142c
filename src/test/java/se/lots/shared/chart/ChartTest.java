package se.lots.shared.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import se.lots.shared.SmallCountSuppression;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;
import se.lots.shared.chart.Chart.Value;

class ChartTest {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");

    static Chart bars(List<String> categories, List<Value> values) {
        return Chart.bars("c", "Titel").axes("Kategori", "Antal").categories(categories).series("", values).build();
    }

    @Test
    void theScaleEndsOnARoundNumberAboveTheLargestValue() {
        Chart c = bars(List.of("a", "b"), List.of(Value.of(37), Value.of(12)));
        assertThat(c.min()).isZero();
        assertThat(c.max()).isEqualTo(40);
        assertThat(c.ticks()).extracting(Chart.Tick::text).containsExactly("0", "10", "20", "30", "40");
        // the longest bar reaches 37/40 of the plot
        var bar = c.bars().get(0);
        assertThat(bar.width()).isCloseTo((c.plotRight() - c.plotLeft()) * 37 / 40, org.assertj.core.data.Offset.offset(0.1));
        assertThat(bar.x()).isEqualTo(c.plotLeft());
    }

    @Test
    void niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Chart.niceStep(0.7)).isEqualTo(1);
        assertThat(Chart.niceStep(3.1)).isEqualTo(5);
        assertThat(Chart.niceStep(17)).isEqualTo(20);
        assertThat(Chart.niceStep(240)).isEqualTo(250);
        assertThat(Chart.niceStep(0)).isEqualTo(1);
    }

    @Test
    void aSuppressedCountIsWrittenAsTheTableWritesItButNeverDrawn() {
        var s = SmallCountSuppression.apply(List.of(3L, 20L, 9L), 32);
        Chart c = bars(List.of("few", "many", "some"), s.cells().stream().map(Value::count).toList());
        assertThat(c.bars()).extracting(Chart.Bar::text).containsExactly("<5", "20", "..");
        assertThat(c.bars().get(0).width()).isZero();
        assertThat(c.bars().get(2).width()).as("the secondary suppressed cell").isZero();
        assertThat(c.rows()).extracting(r -> r.texts().get(0)).containsExactly("<5", "20", "..");
        // the scale is set by what is drawn: a hidden 9 does not stretch it
        assertThat(c.max()).isEqualTo(20);
        assertThat(c.boxRows()).extracting(r -> r.bars().get(0).percent()).containsExactly(0, 100, 0);
    }

    @Test
    void noDataIsAnEmptyChartThatSaysSo() {
        Chart none = bars(List.of(), List.of());
        assertThat(none.empty()).isTrue();
        assertThat(none.bars()).isEmpty();
        assertThat(none.max()).isEqualTo(1);
        Chart allHidden = bars(List.of("a"), List.of(Value.count(new Cell(2, Mark.SMALL))));
        assertThat(allHidden.empty()).isTrue();
        assertThat(allHidden.rows().get(0).texts()).containsExactly("<5");
        Chart line = Chart.line("l", "Trend").categories(List.of()).series("Andel", List.of()).build();
        assertThat(line.lines()).isEmpty();
        assertThat(line.markers()).isEmpty();
    }

    @Test
    void oneValueIsDrawnAndALineOfOnePointIsAMarkerInTheMiddle() {
        Chart c = bars(List.of("a"), List.of(Value.of(1)));
        assertThat(c.max()).isEqualTo(1);
        assertThat(c.bars().get(0).width()).isEqualTo(c.plotRight() - c.plotLeft());
        Chart line = Chart.line("l", "Trend").categories(List.of("2026-12")).series("Andel", List.of(Value.of(40)))
                .atLeast(100).build();
        assertThat(line.lines()).as("no polyline of one point").isEmpty();
        assertThat(line.markers()).singleElement().satisfies(m -> {
            assertThat(m.x()).isEqualTo((line.plotLeft() + line.plotRight()) / 2, org.assertj.core.data.Offset.offset(0.1));
            assertThat(m.text()).isEqualTo("40");
        });
    }

    @Test
    void zeroIsDrawnAsNoBarButWrittenAndAllZeroStillHasAScale() {
        Chart c = bars(List.of("a", "b"), List.of(Value.of(0), Value.of(0)));
        assertThat(c.empty()).as("zero names nobody: it is a value").isFalse();
        assertThat(c.max()).isEqualTo(1);
        assertThat(c.bars()).extracting(Chart.Bar::width).containsOnly(0.0);
        assertThat(c.bars()).extracting(Chart.Bar::text).containsOnly("0");
    }

    @Test
    void negativeValuesGrowLeftFromTheZeroLine() {
        Chart c = bars(List.of("down", "up"), List.of(Value.of(-15), Value.of(30)));
        assertThat(c.min()).isEqualTo(-20);
        assertThat(c.max()).isEqualTo(40);
        double zero = c.zero().x1();
        assertThat(zero).isGreaterThan(c.plotLeft()).isLessThan(c.plotRight());
        var down = c.bars().get(0);
        assertThat(down.x() + down.width()).isCloseTo(zero, org.assertj.core.data.Offset.offset(0.2));
        assertThat(down.anchor()).isEqualTo("end");
        assertThat(c.bars().get(1).x()).isEqualTo(zero);
        assertThat(c.boxRows().get(0).bars().get(0).percent()).as("the PDF draws no negative bar").isZero();
    }

    @Test
    void aLineBreaksWhereAValueIsMissingAndHigherValuesLieHigher() {
        Chart c = Chart.line("t", "Trend").categories(List.of("1", "2", "3", "4", "5"))
                .series("Andel", List.of(Value.of(10), Value.of(20), Value.missing("–"), Value.of(50), Value.of(60)))
                .format(SWEDISH, "{0}\u00a0%").atLeast(100).build();
        assertThat(c.lines()).hasSize(2);
        assertThat(c.markers()).hasSize(4);
        assertThat(c.markers().get(0).y()).isGreaterThan(c.markers().get(1).y());
        assertThat(c.max()).isEqualTo(100);
        assertThat(c.ticks()).extracting(Chart.Tick::text).contains("0\u00a0%", "100\u00a0%");
        assertThat(c.rows().get(2).texts()).containsExactly("–");
    }

    @Test
    void numbersAreWrittenInTheLocale() {
        Chart c = Chart.bars("c", "T").categories(List.of("a")).series("", List.of(Value.of(1234.5)))
                .format(SWEDISH, "{0}").build();
        assertThat(c.rows().get(0).texts().get(0)).isEqualTo("1\u00a0234,5");
    }

    @Test
    void twoSeriesDifferByMoreThanColour() {
        Chart c = Chart.bars("two words", "T").categories(List.of("a"))
                .series("Vid start", List.of(Value.of(5))).series("Vid avslut", List.of(Value.of(7))).build();
        assertThat(c.legend()).extracting(Chart.LegendItem::name).containsExactly("Vid start", "Vid avslut");
        assertThat(c.hatched(0)).isFalse();
        assertThat(c.hatched(1)).isTrue();
        assertThat(c.fill(1)).isEqualTo("url(#two-words-hatch-1)");
        assertThat(c.id()).as("an id usable in the page").isEqualTo("two-words");
        assertThat(c.dash(0)).isNull();
        assertThat(c.dash(1)).isNotBlank();
    }

    @Test
    void everyColourHasEnoughContrastAgainstWhite() {
        for (String colour : Chart.COLOURS) {
            assertThat(contrast(colour, "#ffffff")).as(colour).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void aSeriesWithTheWrongNumberOfValuesIsRefused() {
        assertThatThrownBy(() -> bars(List.of("a", "b"), List.of(Value.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
