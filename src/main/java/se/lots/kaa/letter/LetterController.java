package se.lots.kaa.letter;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/** Letters to the persons chosen on the worklist or a person's KAA page, and the coordinator's letter templates. */
@Controller
@RequestMapping("/kaa/letters")
class LetterController {

    private final LetterService letters;
    private final MessageSource messages;

    LetterController(LetterService letters, MessageSource messages) {
        this.letters = letters;
        this.messages = messages;
    }

    /** The worklist's selection form posts here; a person's KAA page links here with its open episode. */
    @RequestMapping(path = "/new", method = { RequestMethod.GET, RequestMethod.POST })
    String compose(Actor actor, @RequestParam(name = "episode", required = false) List<UUID> episode, Model model,
            Locale locale, RedirectAttributes redirect) {
        if (episode == null || episode.isEmpty()) {
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.selection.none", null, locale));
            return "redirect:/kaa";
        }
        return page(actor, List.copyOf(new java.util.LinkedHashSet<>(episode)), null, model);
    }

    @PostMapping("/preview")
    String preview(Actor actor, @RequestParam(name = "episode", required = false) List<UUID> episode,
            @RequestParam(required = false) UUID template, Model model, Locale locale) {
        try {
            model.addAttribute("preview", letters.preview(actor, template, episode));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        }
        return page(actor, episode == null ? List.of() : episode, template, model);
    }

    @PostMapping("/pdf")
    Object pdf(Actor actor, @RequestParam(name = "episode", required = false) List<UUID> episode,
            @RequestParam(required = false) UUID template, @RequestParam(required = false) UUID batch, Model model,
            Locale locale) {
        try {
            var result = letters.produce(actor, batch, template, episode);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(result.fileName()).build().toString())
                    .body(result.pdf());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException e) {
            model.addAttribute("errors", java.util.Map.of("batch", messages.getMessage(e.messageKey(), null, locale)));
        }
        return page(actor, episode == null ? List.of() : episode, template, model);
    }

    private String page(Actor actor, List<UUID> episodes, UUID template, Model model) {
        var active = letters.activeTemplates(actor);
        model.addAttribute("episodes", episodes);
        model.addAttribute("templates", active);
        model.addAttribute("chosen", template != null ? template : active.isEmpty() ? null : active.get(0).id());
        return "kaa/letters";
    }

    @GetMapping("/templates")
    String templates(Actor actor, Model model) {
        model.addAttribute("templates", letters.templatesToManage(actor));
        model.addAttribute("sender", letters.sender(actor));
        model.addAttribute("batches", letters.recentBatches(actor));
        return "kaa/letter-templates";
    }

    @GetMapping("/templates/new")
    String newTemplate(Actor actor, Model model) {
        letters.templatesToManage(actor);
        return form(actor, null, new LetterService.TemplateInput("", "", "", null), model);
    }

    @GetMapping("/templates/{id}")
    String editTemplate(Actor actor, @PathVariable UUID id, Model model) {
        var t = letters.templateToEdit(actor, id);
        return form(actor, t, new LetterService.TemplateInput(t.name(), t.heading(), t.body(), t.version()), model);
    }

    @GetMapping("/templates/{id}/history")
    String history(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("versions", letters.templateHistory(actor, id));
        model.addAttribute("template", letters.template(actor, id));
        return "kaa/letter-template-history";
    }

    @PostMapping("/templates")
    String create(Actor actor, @RequestParam(required = false) String name,
            @RequestParam(required = false) String heading, @RequestParam(required = false) String body, Model model,
            Locale locale, RedirectAttributes redirect) {
        var input = new LetterService.TemplateInput(name, heading, body, null);
        try {
            letters.createTemplate(actor, input);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return form(actor, null, input, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.letter.saved", null, locale));
        return "redirect:/kaa/letters/templates";
    }

    @PostMapping("/templates/{id}")
    String update(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String heading, @RequestParam(required = false) String body,
            @RequestParam(required = false) Integer version, Model model, Locale locale,
            RedirectAttributes redirect) {
        var input = new LetterService.TemplateInput(name, heading, body, version);
        try {
            letters.updateTemplate(actor, id, input);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return form(actor, letters.templateToEdit(actor, id), input, model);
        } catch (ConflictException e) {
            model.addAttribute("errors", java.util.Map.of("version", messages.getMessage(e.messageKey(), null, locale)));
            return form(actor, letters.templateToEdit(actor, id), input, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.letter.saved", null, locale));
        return "redirect:/kaa/letters/templates";
    }

    @PostMapping("/templates/{id}/retire")
    String retire(Actor actor, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        letters.retireTemplate(actor, id);
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.letter.retiredNotice", null, locale));
        return "redirect:/kaa/letters/templates";
    }

    @PostMapping("/sender")
    String sender(Actor actor, @RequestParam(required = false) String returnAddress,
            @RequestParam(required = false) String phone, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            letters.saveSender(actor, new LetterService.SenderInput(returnAddress, phone));
        } catch (InvalidInputException e) {
            model.addAttribute("senderErrors", e.texts(messages, locale));
            model.addAttribute("templates", letters.templatesToManage(actor));
            model.addAttribute("sender", new LetterSender(returnAddress, phone));
            model.addAttribute("batches", letters.recentBatches(actor));
            return "kaa/letter-templates";
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.letter.senderSaved", null, locale));
        return "redirect:/kaa/letters/templates";
    }

    private String form(Actor actor, LetterTemplate existing, LetterService.TemplateInput input, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("input", input);
        model.addAttribute("fields", MergeFields.placeholders());
        return "kaa/letter-template";
    }
}
