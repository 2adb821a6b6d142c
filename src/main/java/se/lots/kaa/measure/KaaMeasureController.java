package se.lots.kaa.measure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

@Controller
class KaaMeasureController {

    private final KaaMeasureService measures;
    private final MessageSource messages;

    KaaMeasureController(KaaMeasureService measures, MessageSource messages) {
        this.measures = measures;
        this.messages = messages;
    }

    @PostMapping("/kaa/persons/{id}/measures")
    String register(Actor actor, @PathVariable UUID id, @ModelAttribute KaaMeasureService.MeasureInput input,
            Locale locale, RedirectAttributes redirect) {
        try {
            measures.register(actor, id, input);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("measureErrors", named(e, locale));
            redirect.addFlashAttribute("measureInput", input);
            return "redirect:/kaa/persons/" + id + "#measure-form";
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.measure.saved", null, locale));
        return "redirect:/kaa/persons/" + id + "#measures";
    }

    @PostMapping("/kaa/persons/{personId}/measures/{id}")
    String update(Actor actor, @PathVariable UUID personId, @PathVariable UUID id,
            @ModelAttribute KaaMeasureService.MeasureInput input, Locale locale, RedirectAttributes redirect) {
        try {
            measures.update(actor, id, input);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("measureEditErrors", named(e, locale));
            redirect.addFlashAttribute("measureEditId", id);
            return "redirect:/kaa/persons/" + personId + "#measure-" + id;
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.measure.saved", null, locale));
        return "redirect:/kaa/persons/" + personId + "#measures";
    }

    @GetMapping("/admin/kaa-measure-categories")
    String categories(Model model) {
        model.addAttribute("categories", measures.categories());
        return "kaa/measure-categories";
    }

    @PostMapping("/admin/kaa-measure-categories")
    String saveCategory(Actor actor, @RequestParam(required = false) String code,
            @RequestParam(required = false) String name, @RequestParam(required = false) Integer sortOrder,
            @RequestParam(defaultValue = "false") boolean active, Locale locale, RedirectAttributes redirect) {
        try {
            measures.saveCategory(actor, new KaaMeasureService.CategoryInput(code, name, sortOrder, active));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("categoryErrors", named(e, locale));
            return "redirect:/admin/kaa-measure-categories";
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("admin.created", null, locale));
        return "redirect:/admin/kaa-measure-categories";
    }

    /** "Startdatum: …" — each message says which field is wrong, as the form's label names it. */
    private Map<String, String> named(InvalidInputException e, Locale locale) {
        var result = new LinkedHashMap<String, String>();
        e.texts(messages, locale).forEach((field, text) -> result.put(field,
                messages.getMessage("kaa.measure.field." + field, null, field, locale) + ": " + text));
        return result;
    }
}
