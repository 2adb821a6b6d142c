package se.lots.progression.report;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.progression.FunderReport;
import se.lots.shared.HtmlPdf;

/** The funder's report as PDF: the suppressed tables, the goals and the programme lead's texts. */
@Component
class FunderReportPdf {

    private final ITemplateEngine templates;

    FunderReportPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(FunderReport report, Locale locale) {
        var context = new Context(locale, Map.of("report", report));
        return HtmlPdf.render(templates.process("progression/report-pdf", context));
    }
}
