package se.lots.privacy.erasure;

import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;

import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

/**
 * Radering på begäran: {@code /integritet/radering} lists the organisation's decided requests and finds the person,
 * {@code /integritet/radering/ny} shows what each register holds on them and what Lots will decide before the request
 * is recorded, and the case page shows the decision (right after it, with the decision letter naming the person).
 */
@Controller
class ErasureController {

    private static final String BASE = "/integritet/radering";

    private final ErasureService erasures;
    private final UserAccounts users;
    private final MessageSource messages;
    private final Clock clock;

    ErasureController(ErasureService erasures, UserAccounts users, MessageSource messages, Clock clock) {
        this.erasures = erasures;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        model.addAttribute("cases", erasures.list(actor));
        return "privacy/erasure-list";
    }

    /** The preview: from the person's page ({@code person}) or the list's search ({@code identitet}). */
    @GetMapping(BASE + "/ny")
    String preview(Actor actor, @RequestParam(required = false) UUID person,
            @RequestParam(name = "identitet", required = false) String identity, Model model, Locale locale) {
        String typed = identity;
        if (person != null) {
            typed = erasures.identityOf(actor, person).orElse(null);
        }
        var form = new HashMap<String, String>();
        form.put("identity", typed == null ? "" : typed);
        form.put("receivedOn", LocalDate.now(clock).toString());
        return previewPage(actor, form, model, locale);
    }

    @PostMapping(BASE + "/ny")
    String decide(Actor actor, @RequestParam Map<String, String> form, Model model, Locale locale) {
        try {
            var decided = erasures.decide(actor, new ErasureService.RequestInput(form.get("identity"),
                    form.get("receivedOn"), form.get("requestedBy"), form.get("identityCheck")));
            // the decision letter names the person: shown now, never kept with the case
            model.addAttribute("subject", decided.subject());
            return casePage(actor, decided.erasureCase(), model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return previewPage(actor, new HashMap<>(form), model, locale);
        }
    }

    @GetMapping(BASE + "/{id}")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        return casePage(actor, erasures.get(actor, id), model);
    }

    private String previewPage(Actor actor, Map<String, String> form, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("today", LocalDate.now(clock));
        String identity = form.get("identity");
        if (identity != null && !identity.isBlank()) {
            try {
                model.addAttribute("preview", erasures.preview(actor, identity));
            } catch (InvalidInputException e) {
                if (!model.containsAttribute("errors")) {
                    model.addAttribute("errors", e.texts(messages, locale));
                }
            }
        }
        return "privacy/erasure-new";
    }

    private String casePage(Actor actor, ErasureCase c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("decidedByName", users.byId(c.decidedBy()).map(UserAccount::displayName).orElse(""));
        model.addAttribute("organisationName", actor.organisationName());
        return "privacy/erasure-case";
    }
}
