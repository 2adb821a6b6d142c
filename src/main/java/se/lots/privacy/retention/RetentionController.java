package se.lots.privacy.retention;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.privacy.RetentionEvent;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * Gallring for the administrator: {@code /admin/gallring} lists the organisation's retention rules with their source,
 * and {@code ?regel=kaa/EPISODE} opens the form that sets the organisation's own rule for one of them;
 * {@code /admin/gallring/provkörning} shows the dry run; the page lists the retention runs too
 * ({@link RetentionRunController}).
 */
@Controller
class RetentionController {

    private final RetentionRuleService service;
    private final RetentionDryRun dryRun;
    private final RetentionRunService runs;
    private final MessageSource messages;

    RetentionController(RetentionRuleService service, RetentionDryRun dryRun, RetentionRunService runs,
            MessageSource messages) {
        this.service = service;
        this.dryRun = dryRun;
        this.runs = runs;
        this.messages = messages;
    }

    /** What each register's rule makes due today in the organisation: counts only, nothing removed. */
    @GetMapping({ "/admin/gallring/provkörning", "/admin/gallring/provkorning" })
    String dryRun(Actor actor, Model model) {
        model.addAttribute("lines", dryRun.run(actor));
        return "privacy/retention-dry-run";
    }

    @GetMapping("/admin/gallring")
    String rules(Actor actor, @RequestParam(name = "regel", required = false) String chosen, Model model) {
        var rules = service.rules(actor);
        model.addAttribute("rules", rules);
        model.addAttribute("runs", runs.runs(actor));
        model.addAttribute("events", RetentionEvent.values());
        if (chosen != null) {
            rules.stream().filter(a -> (a.rule().register() + "/" + a.rule().recordKind()).equals(chosen))
                    .filter(a -> !a.rule().register().equals(RetentionRuleService.INSTALLATION_REGISTER)).findFirst()
                    .ifPresent(a -> {
                        model.addAttribute("chosen", a);
                        if (!model.containsAttribute("submitted")) {
                            var submitted = new HashMap<String, Object>();
                            submitted.put("keepMonths", String.valueOf(a.rule().keepMonths()));
                            submitted.put("countedFrom", a.rule().countedFrom().name());
                            submitted.put("legalBasis", a.rule().legalBasis());
                            submitted.put("archiveFirst", a.rule().archiveFirst());
                            model.addAttribute("submitted", submitted);
                        }
                    });
        }
        return "privacy/retention";
    }

    @PostMapping("/admin/gallring")
    String set(Actor actor, @ModelAttribute RetentionRuleService.RuleInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            service.set(actor, input);
            redirect.addFlashAttribute("noticeText", messages.getMessage("privacy.retention.saved", null, locale));
            return "redirect:/admin/gallring";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("legalBasis", messages.getMessage(e.messageKey(), null, locale)));
        }
        var submitted = new HashMap<String, Object>();
        submitted.put("keepMonths", input.keepMonths() == null ? "" : input.keepMonths());
        submitted.put("countedFrom", input.countedFrom());
        submitted.put("legalBasis", input.legalBasis() == null ? "" : input.legalBasis());
        submitted.put("archiveFirst", Boolean.TRUE.equals(input.archiveFirst()));
        model.addAttribute("submitted", submitted);
        return rules(actor, input.register() + "/" + input.recordKind(), model);
    }
}
