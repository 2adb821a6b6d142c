package se.lots.shared.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import se.lots.shared.HtmlPdf;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;
import se.lots.shared.chart.Chart.Value;

/** templates/chart.html draws what the model says: one named image, the values written, the table, and the PDF. */
class ChartTemplateTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        var page = new StringTemplateResolver();
        page.setResolvablePatterns(Set.of("<*"));
        page.setOrder(1);
        var files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setCheckExistence(true);
        files.setOrder(2);
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolvers(Set.of(page, files));
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private String render(String html, Chart chart) {
        var context = new Context(SV);
        context.setVariables(Map.of("c", chart));
        return engine.process(html, context);
    }

    static Chart startAndEnd() {
        // as a suppressed report table prints them: a small count and the one hidden with it are never drawn
        var start = List.of(Value.count(new Cell(12, Mark.SHOWN)), Value.count(new Cell(7, Mark.SHOWN)),
                Value.count(new Cell(0, Mark.SHOWN)));
        var end = List.of(Value.count(new Cell(30, Mark.SHOWN)), Value.count(new Cell(3, Mark.SMALL)),
                Value.count(new Cell(9, Mark.SECONDARY)));
        return Chart.bars("chart-occupations", "Sysselsättning vid start och avslut").axes("Sysselsättning", "Antal")
                .categories(List.of("Arbetar", "Studerar", "Arbetssökande")).series("Vid start", start)
                .series("Vid avslut", end).build();
    }

    @Test
    void theChartIsOneNamedImageWithItsValuesWrittenAndItsTable() {
        Chart c = startAndEnd();
        String html = render("<div th:replace=\"~{chart :: chart(${c})}\"></div>", c);
        assertThat(html).contains("role=\"img\"",
                "aria-labelledby=\"chart-occupations-title chart-occupations-desc\"",
                "<title id=\"chart-occupations-title\">Sysselsättning vid start och avslut</title>",
                "<desc id=\"chart-occupations-desc\">Stapeldiagram: Antal per Sysselsättning. Samma värden finns i tabellen.</desc>",
                "id=\"chart-occupations-hatch-1\"", "Vid avslut", "Visa som tabell", "id=\"chart-occupations-table\"");
        // every value as text in the image and in the table; the hidden ones drawn as no bar
        long bars = html.split("class=\"lots-chart__bar\"", -1).length - 1;
        long drawn = c.bars().stream().filter(b -> b.width() > 0).count();
        assertThat(bars).isEqualTo(drawn).isLessThan(c.bars().size());
        for (var b : c.bars()) {
            assertThat(html).contains(">" + b.text().replace("<", "&lt;") + "</text>");
        }
        assertThat(html).contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">&lt;5</td>");
        assertThat(html).doesNotContain("style=");
    }

    @Test
    void aLineChartHasItsPointsAndTheEmptyChartSaysSo() {
        Chart line = Chart.line("trend", "Andel okänd").axes("Månad", "Andel")
                .categories(List.of("2026-10", "2026-11", "2026-12"))
                .series("Andel okänd", List.of(Value.of(40), Value.missing("–"), Value.of(55)))
                .format(SV, "{0}\u00a0%").atLeast(100).build();
        String html = render("<div th:replace=\"~{chart :: chart(${line})}\"></div>".replace("${line}", "${c}"), line);
        assertThat(html).contains("data-kind=\"LINE\"", "Linjediagram: Andel per Månad.", "55\u00a0%");
        assertThat(html.split("class=\"lots-chart__point\"", -1).length - 1).isEqualTo(2);

        Chart empty = Chart.bars("none", "Inget").categories(List.of()).series("", List.of()).build();
        assertThat(render("<div th:replace=\"~{chart :: chartUnderHeading(${c}, 't')}\"></div>", empty))
                .contains("Inget att visa", "class=\"govuk-visually-hidden\"");
    }

    @Test
    void thePdfDrawsTheBarsAsBoxesWithTheirValues() throws IOException {
        Chart c = startAndEnd();
        // on one line: the string resolver takes a template that starts with "<" and has no line break
        String page = render("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>"
                + ".chart-bar { display: inline-block; height: 3mm; } table.chart-bars { width: 100%; }"
                + "table.chart-bars th { width: 35%; text-align: right; font-weight: normal; } table.chart-bars td { width: 65%; }"
                + ".swatch { display: inline-block; width: 3mm; height: 3mm; } body { font-family: 'Letter Sans'; }"
                + "</style></head><body><div th:replace=\"~{chart :: chartPdf(${c})}\"></div></body></html>", c);
        assertThat(page).contains("width: 70.0%", "border: 0.7mm solid #a8410b");
        byte[] pdf = HtmlPdf.render(page);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Sysselsättning vid start och avslut", "Arbetar", "12", "30", "<5", "..", "Antal");
        }
    }
}
