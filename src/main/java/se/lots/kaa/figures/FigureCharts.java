package se.lots.kaa.figures;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.lots.kaa.figures.KaaFiguresService.Table;
import se.lots.kaa.figures.KaaFiguresService.Trend;
import se.lots.kaa.figures.KaaFiguresService.TrendMonth;
import se.lots.shared.chart.Chart;
import se.lots.shared.chart.Chart.Value;

/** The KAA figures as {@link Chart}s: each half-year table as bars, the "not known" share as a trend line. */
public final class FigureCharts {

    private FigureCharts() {
    }

    static Chart table(Table t, MessageSource messages, Locale locale) {
        return Chart.bars("chart-" + t.id(), t.title())
                .axes(t.title(), messages.getMessage("kaa.figures.chart.count", null, locale))
                .categories(t.rows().stream().map(KaaFiguresService.Row::label).toList())
                .series("", t.rows().stream().map(r -> Value.count(r.cell())).toList())
                .format(locale, messages.getMessage("format.number", null, locale)).build();
    }

    /**
     * The share not known per month; a month with no one open, or whose counts are hidden, has no point ("–", as the
     * table's share column).
     */
    public static Chart trend(Trend trend, String id, boolean compact, MessageSource messages, Locale locale) {
        List<TrendMonth> months = trend.months();
        var chart = Chart.line(id, messages.getMessage("kaa.trend.heading", null, locale))
                .axes(messages.getMessage("kaa.trend.month", null, locale),
                        messages.getMessage("kaa.trend.share", null, locale))
                .categories(months.stream().map(m -> m.month().toString()).toList())
                .series(messages.getMessage("kaa.trend.share", null, locale), months.stream()
                        .map(m -> m.percent() == null ? Value.missing("–") : Value.of(m.percent())).toList())
                .format(locale, messages.getMessage("format.percent", null, locale)).atLeast(100);
        return (compact ? chart.compact() : chart).build();
    }
}
