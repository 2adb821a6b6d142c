package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.lots.shared.chart.Chart;
import se.lots.shared.chart.Chart.Value;

/**
 * A participant's series as Lots' one chart ({@link Chart}, a line over the assessment dates): the totals, and the
 * instrument's cut-off as a second, dashed line with square markers, so that the cut-off is told apart without colour.
 * The scale reaches the highest total the rater can give. The page prints the same values in the table under the
 * chart, row for row ({@link ProgressChart#rows()}); a total that is missing is written, never drawn.
 */
public final class ProgressCharts {

    /** One chart on the participant's page: its series (trend, tag), the chart and its table. */
    public record ProgressChart(String title, AssessmentSeries series, Chart chart, List<Row> rows) {
    }

    /** A table row: the date, the total and the cut-off as the chart writes them, and whether reliable change was reached. */
    public record Row(String assessedOn, String total, String cutOff, boolean reliableChange) {
    }

    private ProgressCharts() {
    }

    public static ProgressChart of(String id, AssessmentSeries s, MessageSource messages, Locale locale) {
        Instrument instrument = s.instrument();
        String rater = messages.getMessage("progression.rater." + s.rater(), null, locale);
        String title = instrument.name() + " – " + rater;
        String totalName = messages.getMessage("progression.total", null, locale);
        String cutOffName = messages.getMessage("progression.chart.cutOff", null, locale);
        var categories = new ArrayList<String>();
        var totals = new ArrayList<Value>();
        var rows = new ArrayList<Row>();
        BigDecimal first = s.assessments().isEmpty() ? null : s.assessments().get(0).total();
        BigDecimal reliable = instrument.reliableChange();
        BigDecimal cutOff = instrument.cutOff();
        String cutOffText = cutOff == null ? null : Decimals.format(cutOff, locale);
        for (Assessment a : s.assessments()) {
            categories.add(a.assessedOn().toString());
            String text = a.total() == null ? "–" : Decimals.format(a.total(), locale);
            totals.add(a.total() == null ? Value.missing(text) : Value.of(a.total(), text));
            boolean reached = reliable != null && first != null && a.total() != null
                    && a.total().subtract(first).abs().compareTo(reliable) >= 0;
            rows.add(new Row(a.assessedOn().toString(), text, cutOffText, reached));
        }
        var chart = Chart.line(id, title)
                .axes(messages.getMessage("progression.field.assessedOn", null, locale), totalName)
                .categories(categories)
                .series(totalName, totals)
                .format(locale, messages.getMessage("format.number", null, locale))
                .atLeast(instrument.highest(s.rater()).doubleValue());
        if (cutOff != null) {
            // the value written once, at the newest point: the same number at every point says nothing more
            var line = new ArrayList<Value>(Collections.nCopies(categories.size(), Value.of(cutOff, "")));
            if (!line.isEmpty()) {
                line.set(line.size() - 1, Value.of(cutOff, cutOffText));
            }
            chart.series(cutOffName + " " + cutOffText, line);
        }
        return new ProgressChart(title, s, chart.build(), List.copyOf(rows));
    }
}
