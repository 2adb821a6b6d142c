package se.lots.kaa.homevisit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.shared.HtmlPdf;

/**
 * The route sheet and the "Vi har varit hos dig" cards as PDF: the same Thymeleaf templates as the printable pages,
 * rendered without a request (so without links) and laid out by openhtmltopdf.
 */
@Component
class HomeVisitDocuments {

    private final ITemplateEngine templates;
    private final java.time.Clock clock;
    // the printable page links this file; the PDF has no request to load it with, so it gets it inline
    private final String routeSheetCss;

    HomeVisitDocuments(ITemplateEngine templates, java.time.Clock clock) {
        this.templates = templates;
        this.clock = clock;
        try {
            this.routeSheetCss = new ClassPathResource("static/css/visit-route.css")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] routeSheet(HomeVisitService.DayPlan plan, Locale locale) {
        return pdf("kaa/visit-route", plan, locale);
    }

    byte[] cards(HomeVisitService.DayPlan plan, Locale locale) {
        return pdf("kaa/visit-cards", plan, locale);
    }

    private byte[] pdf(String template, HomeVisitService.DayPlan plan, Locale locale) {
        var context = new Context(locale, Map.of("plan", plan, "web", false, "today", LocalDate.now(clock),
                "sheetCss", routeSheetCss));
        String html = templates.process(template, context);
        return HtmlPdf.render(html);
    }
}
