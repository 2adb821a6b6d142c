package se.lots.federation.report;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.shared.HtmlPdf;

/** The final report as PDF: the seed's form, field by field, the figures as tables, a signature block per party. */
@Component
class FinalReportPdf {

    private final ITemplateEngine templates;

    FinalReportPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(FinalReport report, Locale locale) {
        return HtmlPdf.render(templates.process("federation/report/final-pdf",
                new Context(locale, Map.of("report", report))));
    }
}
