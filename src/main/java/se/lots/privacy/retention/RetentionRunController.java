package se.lots.privacy.retention;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.ConflictException;

/**
 * The retention runs for the administrator: "Förbered gallring" on the dry run freezes it into a run, the run's page
 * {@code /admin/gallring/korningar/{id}} shows what was frozen and removed and offers the next step (approve, by
 * another administrator; execute, once approved). The list of runs is on {@code /admin/gallring}.
 */
@Controller
class RetentionRunController {

    private static final String RUNS = "/admin/gallring/korningar/";

    private final RetentionRunService service;
    private final MessageSource messages;

    RetentionRunController(RetentionRunService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @PostMapping("/admin/gallring/korningar")
    String prepare(Actor actor, Locale locale, RedirectAttributes redirect) {
        RetentionRun run = service.prepare(actor);
        redirect.addFlashAttribute("noticeText", messages.getMessage("privacy.retention.run.prepared", null, locale));
        return "redirect:" + RUNS + run.id();
    }

    @GetMapping(RUNS + "{id}")
    String run(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("run", service.run(actor, id));
        model.addAttribute("myUserId", actor.userId());
        return "privacy/retention-run";
    }

    @PostMapping(RUNS + "{id}/godkann")
    String approve(Actor actor, @PathVariable UUID id, @RequestParam int version, Locale locale,
            RedirectAttributes redirect) {
        try {
            service.approve(actor, id, version);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("privacy.retention.run.approvedNotice", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:" + RUNS + id;
    }

    @PostMapping(RUNS + "{id}/genomfor")
    String execute(Actor actor, @PathVariable UUID id, @RequestParam int version, Locale locale,
            RedirectAttributes redirect) {
        try {
            RetentionRun run = service.execute(actor, id, version);
            if (run.status() == RetentionRun.Status.DONE) {
                redirect.addFlashAttribute("noticeText",
                        messages.getMessage("privacy.retention.run.doneNotice", null, locale));
            } else {
                redirect.addFlashAttribute("errorText", messages.getMessage(run.reasonKey(), null, locale));
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:" + RUNS + id;
    }
}
