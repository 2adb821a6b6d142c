package se.lots.progression.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.lots.progression.FunderReport;
import se.lots.progression.GoalResult;
import se.lots.progression.ReportTable;
import se.lots.shared.chart.Chart;
import se.lots.shared.chart.Chart.Value;

/**
 * The report's and the goals' charts ({@link Chart}): a start/end table as bars, one series per column; a goal as
 * its target beside what is measured so far. A count the table hides is not drawn, only written as the table writes
 * it.
 */
final class ReportCharts {

    private ReportCharts() {
    }

    /** The start/end tables of the report (occupation, income), in the report's order. */
    static List<Chart> of(FunderReport report, MessageSource messages, Locale locale) {
        return List.of(table(report.occupations(), messages, locale), table(report.incomes(), messages, locale));
    }

    static Chart table(ReportTable t, MessageSource messages, Locale locale) {
        var chart = Chart.bars("chart-" + t.key(), t.title())
                .axes(messages.getMessage("progression.report.chart.category." + t.key(), null, locale),
                        messages.getMessage("progression.report.chart.count", null, locale))
                .categories(t.rows()).format(locale, messages.getMessage("format.number", null, locale));
        for (int c = 0; c < t.columns().size(); c++) {
            var values = new ArrayList<Value>();
            for (int r = 0; r < t.rows().size(); r++) {
                values.add(Value.count(t.cell(r, c)));
            }
            chart.series(t.columns().get(c), values);
        }
        return chart.build();
    }

    /**
     * A goal: its target and the value measured so far, as two bars on one scale (a share up to 100 %). A value
     * hidden for the viewer (a small count) is written as "..", never drawn.
     */
    static Chart goal(GoalResult g, String id, String indicatorText, boolean compact, MessageSource messages,
            Locale locale) {
        boolean share = g.goal().indicator().share();
        String pattern = messages.getMessage(share ? "format.percent" : "format.number", null, locale);
        var chart = Chart.bars(id, indicatorText)
                .axes(messages.getMessage("progression.goal.chart.category", null, locale),
                        messages.getMessage(share ? "progression.goal.chart.share" : "progression.goal.chart.value",
                                null, locale))
                .categories(List.of(messages.getMessage("progression.goal.target", null, locale),
                        messages.getMessage("progression.goal.chart.measured", null, locale)))
                .series("", List.of(Value.of(g.goal().target()),
                        g.valueHidden() ? Value.missing("..") : Value.of(g.value())))
                .format(locale, pattern);
        if (share) {
            chart.atLeast(100);
        }
        return (compact ? chart.compact() : chart).build();
    }
}
