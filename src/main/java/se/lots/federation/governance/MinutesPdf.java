package se.lots.federation.governance;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.shared.HtmlPdf;

/** The minutes (protokoll, minnesanteckningar) as PDF: the meeting, who took part, each item with its decisions. */
@Component
class MinutesPdf {

    private final ITemplateEngine templates;

    MinutesPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(GovernanceMeeting meeting, Locale locale) {
        return HtmlPdf.render(templates.process("federation/governance/minutes-pdf",
                new Context(locale, Map.of("m", meeting))));
    }
}
