package se.lots.progression.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import se.lots.progression.instrument.ProgressCharts.ProgressChart;
import se.lots.progression.instrument.ProgressCharts.Row;
import se.lots.shared.chart.Chart;

/** The participant's progress as Lots' one line chart: an ORS-style scale 0–40, cut-off 25, reliable change 5. */
class ProgressChartsTest {

    private static final Locale SV = Locale.forLanguageTag("sv");
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static Instrument ors(BigDecimal cutOff) {
        var items = new ArrayList<InstrumentItem>();
        for (int i = 1; i <= 4; i++) {
            items.add(new InstrumentItem(i, i, "Fråga " + i, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE, null,
                    null, ItemRater.DEN_UNGE));
        }
        return new Instrument(7, "Skattning av mående", "", TotalRule.SUM, cutOff, BigDecimal.valueOf(5), true,
                true, 1, items, null);
    }

    private static AssessmentSeries series(Instrument instrument, String... totals) {
        var assessments = new ArrayList<Assessment>();
        for (int i = 0; i < totals.length; i++) {
            assessments.add(new Assessment(UUID.randomUUID(), UUID.randomUUID(), instrument.id(), Rater.DEN_UNGE,
                    DAY.plusWeeks(2L * i), totals[i] == null ? null : new BigDecimal(totals[i]), Map.of()));
        }
        return new AssessmentSeries(instrument, Rater.DEN_UNGE, assessments, null);
    }

    @Test
    void theTotalsAreTheFirstLineAndTheCutOffASecondDashedLineOnTheRatersWholeScale() {
        ProgressChart p = ProgressCharts.of("progress-0", series(ors(BigDecimal.valueOf(25)), "16", "28"), MESSAGES, SV);
        Chart c = p.chart();
        assertThat(c.kind()).isEqualTo(Chart.Kind.LINE);
        assertThat(c.id()).isEqualTo("progress-0");
        assertThat(p.title()).isEqualTo("Skattning av mående – Den unge");
        assertThat(c.title()).isEqualTo(p.title());
        assertThat(c.categories()).containsExactly("2026-01-05", "2026-01-19");
        assertThat(c.series()).extracting(Chart.Series::name).containsExactly("Totalt", "Gränsvärde 25");
        assertThat(c.series().get(0).values()).extracting(Chart.Value::amount).containsExactly(16.0, 28.0);
        assertThat(c.series().get(0).values()).extracting(Chart.Value::text).containsExactly("16", "28");
        assertThat(c.series().get(1).values()).extracting(Chart.Value::amount).containsExactly(25.0, 25.0);
        assertThat(c.dash(1)).as("the cut-off is dashed, not only another colour").isNotBlank();
        assertThat(c.squareMarker(1)).isTrue();
        // the scale reaches the highest total a young person can give (4 items of 0–10), whatever was given
        assertThat(c.max()).isEqualTo(40);
        assertThat(c.min()).isZero();
        // the cut-off's value is written once, at the newest point
        assertThat(c.markers()).filteredOn(m -> m.series() == 1).extracting(Chart.Marker::text)
                .containsExactly("", "25");
        // higher totals lie higher on the page
        var totals = c.markers().stream().filter(m -> m.series() == 0).toList();
        assertThat(totals.get(1).y()).isLessThan(totals.get(0).y());
    }

    @Test
    void theTableHasTheChartsValuesAndSaysWhereReliableChangeWasReached() {
        ProgressChart p = ProgressCharts.of("progress-0", series(ors(BigDecimal.valueOf(25)), "20", "24", "25.5"),
                MESSAGES, SV);
        assertThat(p.rows()).containsExactly(new Row("2026-01-05", "20", "25", false),
                new Row("2026-01-19", "24", "25", false), new Row("2026-02-02", "25,5", "25", true));
        assertThat(p.chart().series().get(0).values()).extracting(Chart.Value::text)
                .containsExactly("20", "24", "25,5");
    }

    @Test
    void aMissingTotalIsWrittenButNotDrawnAndTheLineBreaksThere() {
        ProgressChart p = ProgressCharts.of("progress-1", series(ors(BigDecimal.valueOf(25)), "16", null, "30"),
                MESSAGES, SV);
        Chart c = p.chart();
        assertThat(c.series().get(0).values().get(1).drawn()).isFalse();
        assertThat(c.series().get(0).values().get(1).text()).isEqualTo("–");
        assertThat(c.markers()).filteredOn(m -> m.series() == 0).hasSize(2);
        assertThat(c.lines()).filteredOn(l -> l.series() == 0).isEmpty();
        assertThat(c.rows().get(1).texts().get(0)).isEqualTo("–");
        assertThat(p.rows().get(1)).isEqualTo(new Row("2026-01-19", "–", "25", false));
    }

    @Test
    void withoutACutOffThereIsOneLineAndNoLegend() {
        ProgressChart p = ProgressCharts.of("progress-0", series(ors(null), "16"), MESSAGES, Locale.ENGLISH);
        assertThat(p.chart().series()).singleElement().extracting(Chart.Series::name).isEqualTo("Total");
        assertThat(p.chart().legend()).isEmpty();
        assertThat(p.chart().markers()).singleElement().extracting(Chart.Marker::text).isEqualTo("16");
        assertThat(p.rows()).containsExactly(new Row("2026-01-05", "16", null, false));
    }
}
