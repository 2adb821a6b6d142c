package se.lots.kaa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The route sheet and the "Vi har varit hos dig" cards as PDF: the same Thymeleaf templates as the printable pages,
 * rendered without a request (so without links) and laid out by openhtmltopdf.
 */
@Component
class HomeVisitDocuments {

    private final ITemplateEngine templates;
    private final java.time.Clock clock;

    HomeVisitDocuments(ITemplateEngine templates, java.time.Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    byte[] routeSheet(HomeVisitService.DayPlan plan, Locale locale) {
        return pdf("kaa/visit-route", plan, locale);
    }

    byte[] cards(HomeVisitService.DayPlan plan, Locale locale) {
        return pdf("kaa/visit-cards", plan, locale);
    }

    private byte[] pdf(String template, HomeVisitService.DayPlan plan, Locale locale) {
        var context = new Context(locale, Map.of("plan", plan, "web", false, "today", LocalDate.now(clock)));
        String html = templates.process(template, context);
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
