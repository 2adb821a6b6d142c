package se.lots.progression.report;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.progression.FunderReport;
import se.lots.shared.HtmlPdf;

/** The funder's report as PDF: the suppressed tables and their charts, the goals and the programme lead's texts. */
@Component
class FunderReportPdf {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    FunderReportPdf(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    byte[] render(FunderReport report, Locale locale) {
        var context = new Context(locale, Map.of("report", report, "charts",
                ReportCharts.of(report, messages, locale)));
        return HtmlPdf.render(templates.process("progression/report-pdf", context));
    }
}
