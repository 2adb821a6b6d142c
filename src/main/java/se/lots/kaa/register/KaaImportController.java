package se.lots.kaa.register;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaImportService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/kaa/import")
class KaaImportController {

    private static final String KEEP = "KEEP";

    private final KaaImportService imports;
    private final ImportProgress progress;
    private final MessageSource messages;

    KaaImportController(KaaImportService imports, ImportProgress progress, MessageSource messages) {
        this.imports = imports;
        this.progress = progress;
        this.messages = messages;
    }

    /** A token per form shown, so that the page can ask how far the request it sent has come. */
    @org.springframework.web.bind.annotation.ModelAttribute("progressToken")
    UUID progressToken() {
        return UUID.randomUUID();
    }

    /** Polled by the page (htmx) while a long upload or confirmation is being worked on. */
    @GetMapping("/progress/{token}")
    String progress(Actor actor, @PathVariable UUID token, Model model) {
        model.addAttribute("step", progress.current(token, actor.username()).orElse(null));
        model.addAttribute("token", token);
        return "kaa/import-progress :: progress";
    }

    @GetMapping
    String form(Actor actor, Model model) {
        model.addAttribute("columns", ListColumn.values());
        model.addAttribute("history", imports.recent(actor));
        return "kaa/import";
    }

    @PostMapping
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "progress", required = false) UUID token, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.getMessage("file.required", null, locale));
            return form(actor, model);
        }
        try {
            model.addAttribute("preview", imports.upload(actor, file.getOriginalFilename(), file.getBytes(), locale,
                    progress.track(token, actor.username())));
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.texts(messages, locale).get("file"));
            return form(actor, model);
        }
        model.addAttribute("exitReasons", ExitReason.values());
        return "kaa/preview";
    }

    @GetMapping("/{id}")
    String preview(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("preview", imports.preview(actor, id, locale));
        model.addAttribute("exitReasons", ExitReason.values());
        return "kaa/preview";
    }

    @PostMapping("/{id}/confirm")
    String confirm(Actor actor, @PathVariable UUID id, @RequestParam String digest,
            @RequestParam(name = "progress", required = false) UUID token, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        var decisions = new HashMap<UUID, ExitReason>();
        try {
            form.forEach((name, value) -> {
                if (name.startsWith("exit-")) {
                    decisions.put(UUID.fromString(name.substring(5)), KEEP.equals(value) ? null
                            : ExitReason.valueOf(value));
                }
            });
        } catch (IllegalArgumentException e) {
            // not what the page sends: show the preview again, saving nothing
            model.addAttribute("problem", messages.getMessage("kaa.import.badDecision", null, locale));
            return preview(actor, id, model, locale);
        }
        try {
            var done = imports.confirm(actor, id, digest, decisions, locale, progress.track(token, actor.username()));
            long closed = done.closing().stream().filter(c -> decisions.containsKey(c.episodeId())
                    ? decisions.get(c.episodeId()) != null : c.suggested() != null).count();
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.import.done",
                    new Object[] { done.added().size(), done.changed().size(), closed }, locale));
            return "redirect:/kaa/import";
        } catch (ConflictException | InvalidInputException e) {
            String key = e instanceof ConflictException c ? c.messageKey() : "kaa.import.hasErrors";
            model.addAttribute("problem", messages.getMessage(key, null, locale));
            return preview(actor, id, model, locale);
        }
    }

    @PostMapping("/{id}/discard")
    String discard(Actor actor, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        imports.discard(actor, id);
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.import.discarded", null, locale));
        return "redirect:/kaa/import";
    }
}
