package se.lots.progression.ladder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

/**
 * The ladder of step movements ({@code /progression/stegtrappa}): every organisation reads it, the administrator keeps
 * it. The service checks the role too.
 */
@Controller
class LadderController {

    private final StepMovementService ladder;
    private final MessageSource messages;

    LadderController(StepMovementService ladder, MessageSource messages) {
        this.ladder = ladder;
        this.messages = messages;
    }

    @GetMapping("/progression/stegtrappa")
    String ladder(Actor actor, Model model) {
        model.addAttribute("ladder", ladder.ladder());
        model.addAttribute("keeper", StepMovementService.keeps(actor));
        return "progression/ladder";
    }

    @PostMapping("/progression/stegtrappa")
    String addStep(Actor actor, @RequestParam(required = false) String label,
            @RequestParam(required = false) String description, Locale locale, RedirectAttributes redirect) {
        return ladderChange(locale, redirect, "progression.ladder.added",
                () -> ladder.addStep(actor, label, description));
    }

    @PostMapping("/progression/stegtrappa/{id}")
    String updateStep(Actor actor, @PathVariable long id, @RequestParam(required = false) String label,
            @RequestParam(required = false) String description, Locale locale, RedirectAttributes redirect) {
        return ladderChange(locale, redirect, "progression.ladder.saved",
                () -> ladder.updateStep(actor, id, label, description));
    }

    @PostMapping("/progression/stegtrappa/{id}/flytta")
    String moveStep(Actor actor, @PathVariable long id, @RequestParam String direction, Locale locale,
            RedirectAttributes redirect) {
        return ladderChange(locale, redirect, "progression.ladder.moved",
                () -> ladder.moveStep(actor, id, "upp".equals(direction) ? -1 : 1));
    }

    @PostMapping("/progression/stegtrappa/{id}/pensionera")
    String retireStep(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "true") boolean retired,
            Locale locale, RedirectAttributes redirect) {
        return ladderChange(locale, redirect, retired ? "progression.ladder.retired" : "progression.ladder.restored",
                () -> ladder.retireStep(actor, id, retired));
    }

    @PostMapping("/progression/stegtrappa/{id}/ta-bort")
    String removeStep(Actor actor, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return ladderChange(locale, redirect, "progression.ladder.removed", () -> ladder.removeStep(actor, id));
    }

    private String ladderChange(Locale locale, RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("noticeText", messages.getMessage(notice, null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", named(e, locale));
        }
        return "redirect:/progression/stegtrappa";
    }

    /** "Namn på steget: Fältet måste fyllas i." — each message names the field as the form's label does. */
    private Map<String, String> named(InvalidInputException e, Locale locale) {
        var result = new LinkedHashMap<String, String>();
        e.texts(messages, locale).forEach((field, text) -> result.put(field,
                messages.getMessage("progression.admin.field." + field, null, field, locale) + ": " + text));
        return result;
    }
}
