package se.lots.plan.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.lots.plan.PlanPage;
import se.lots.shared.HtmlPdf;

/**
 * "Din plan", the young person's own copy in plain Swedish: their goal, what happens next in each track, who to
 * call. Only steps that are not confidential and not finished, and none of the internal fields (why, obstacles).
 */
@Component
class YourPlanPdf {

    private final ITemplateEngine templates;
    private final Clock clock;

    YourPlanPdf(ITemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    byte[] render(String firstName, PlanPage page) {
        var context = new Context(Locale.forLanguageTag("sv"), Map.of("firstName", firstName == null ? "" : firstName,
                "page", page, "today", LocalDate.now(clock)));
        return HtmlPdf.render(templates.process("plan/your-plan-pdf", context));
    }
}
