package se.lots.kaa.earlywarning;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.kaa.register.ContactChannel;
import se.lots.kaa.register.ContactOutcome;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/kaa/early-warning")
class EarlyWarningController {

    private final EarlyWarningService earlyWarning;
    private final SchoolSignalImportService imports;
    private final MessageSource messages;
    private final Clock clock;

    EarlyWarningController(EarlyWarningService earlyWarning, SchoolSignalImportService imports,
            MessageSource messages, Clock clock) {
        this.earlyWarning = earlyWarning;
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "false") boolean flaggedOnly,
            @RequestParam(required = false) String school, @RequestParam(required = false) String schoolMunicipality,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new EarlyWarningService.Filter(flaggedOnly, school, schoolMunicipality);
        model.addAttribute("filter", filter);
        model.addAttribute("result", earlyWarning.list(actor, filter, page));
        return "kaa/early-warning";
    }

    @GetMapping("/persons/{id}")
    String student(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("student", earlyWarning.student(actor, id));
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "kaa/early-warning-person";
    }

    @PostMapping("/persons/{id}/contacts")
    String contact(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String contactedOn, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "false") boolean withGuardian, @RequestParam(required = false) String note,
            Model model, Locale locale, RedirectAttributes redirect) {
        var input = new EarlyWarningService.ContactInput(channel, contactedOn, outcome, withGuardian, note);
        try {
            earlyWarning.recordContact(actor, id, input);
        } catch (InvalidInputException e) {
            model.addAttribute("contactErrors", e.texts(messages, locale));
            return student(actor, id, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.ew.contact.saved", null, locale));
        return "redirect:/kaa/early-warning/persons/" + id;
    }

    @GetMapping("/import")
    String importForm(Actor actor, Model model) {
        model.addAttribute("columns", SignalColumn.values());
        model.addAttribute("history", imports.recent(actor));
        return "kaa/signal-import";
    }

    @PostMapping("/import")
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.getMessage("file.required", null, locale));
            return importForm(actor, model);
        }
        try {
            model.addAttribute("preview", imports.upload(actor, file.getOriginalFilename(), file.getBytes(), locale));
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.texts(messages, locale).get("file"));
            return importForm(actor, model);
        }
        return "kaa/signal-preview";
    }

    @GetMapping("/import/{id}")
    String preview(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("preview", imports.preview(actor, id, locale));
        return "kaa/signal-preview";
    }

    @PostMapping("/import/{id}/confirm")
    String confirm(Actor actor, @PathVariable UUID id, @RequestParam String digest, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            var done = imports.confirm(actor, id, digest, locale);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.ew.import.done",
                    new Object[] { done.added().size(), done.changed().size(), done.flagged().size() }, locale));
            return "redirect:/kaa/early-warning";
        } catch (ConflictException | InvalidInputException e) {
            String key = e instanceof ConflictException c ? c.messageKey() : "kaa.import.hasErrors";
            model.addAttribute("problem", messages.getMessage(key, null, locale));
            return preview(actor, id, model, locale);
        }
    }

    @PostMapping("/import/{id}/discard")
    String discard(Actor actor, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        imports.discard(actor, id);
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.import.discarded", null, locale));
        return "redirect:/kaa/early-warning/import";
    }
}
