package se.lots.privacy.extract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * Registerutdrag: the organisation's requests with their deadlines, the form for a new request, and the case page
 * where the extract is prepared, reviewed, handed over (or the deadline extended, or the request refused) and its
 * files downloaded. Access, audit and the rules are the service's.
 */
@Controller
class RegisterExtractController {

    private static final String BASE = "/integritet/registerutdrag";

    private final RegisterExtractService extracts;
    private final ExtractFiles files;
    private final UserAccounts users;
    private final MessageSource messages;
    private final Clock clock;

    RegisterExtractController(RegisterExtractService extracts, ExtractFiles files, UserAccounts users,
            MessageSource messages, Clock clock) {
        this.extracts = extracts;
        this.files = files;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        model.addAttribute("requests", extracts.list(actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "privacy/list";
    }

    /** The form, from the person's page with their personnummer filled in (an audited read). */
    @GetMapping(BASE + "/ny")
    String newRequest(Actor actor, @RequestParam(required = false) UUID person, Model model) {
        var form = new HashMap<String, String>();
        form.put("receivedOn", LocalDate.now(clock).toString());
        if (person != null) {
            extracts.identityOf(actor, person).ifPresent(pin -> form.put("personalIdentityNumber", pin));
        }
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("form", form);
        return "privacy/new";
    }

    @PostMapping(BASE + "/ny")
    String request(Actor actor, @RequestParam Map<String, String> form, Model model, Locale locale) {
        try {
            var created = extracts.request(actor, new ExtractRequestInput(form.get("personalIdentityNumber"),
                    form.get("receivedOn"), form.get("requestedBy"), form.get("requesterName"),
                    form.get("identityCheck"), form.get("identityNote")));
            return "redirect:" + BASE + "/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", form);
            model.addAttribute("today", LocalDate.now(clock));
            return "privacy/new";
        }
    }

    @GetMapping(BASE + "/{id}")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        var c = extracts.page(actor, id);
        model.addAttribute("c", c);
        var staff = new HashMap<Long, String>();
        for (Long userId : new Long[] { c.extract().createdBy(), c.extract().preparedBy(), c.extract().reviewedBy(),
                c.extract().handedOverBy() }) {
            if (userId != null) {
                staff.put(userId, users.byId(userId).map(UserAccount::displayName).orElse(""));
            }
        }
        model.addAttribute("staff", staff);
        return "privacy/case";
    }

    @PostMapping(BASE + "/{id}/forbered")
    String prepare(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer version,
            Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "privacy.notice.prepared", () -> extracts.prepare(actor, id, version));
    }

    @PostMapping(BASE + "/{id}/granska")
    String review(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect,
            Model model) {
        var decisions = new LinkedHashMap<String, String>();
        var reasons = new LinkedHashMap<String, String>();
        form.forEach((name, value) -> {
            if (name.startsWith("decision.")) {
                decisions.put(name.substring("decision.".length()), value);
            } else if (name.startsWith("reason.")) {
                reasons.put(name.substring("reason.".length()), value);
            }
        });
        try {
            extracts.review(actor, id, decisions, reasons, "true".equals(form.get("youngPersonSecrecyConsidered")),
                    version);
            redirect.addFlashAttribute("notice", "privacy.notice.reviewed");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("reviewForm", form);
            return page(actor, id, model);
        } catch (ConflictException e) {
            return conflict(e, id, locale, redirect);
        }
    }

    @PostMapping(BASE + "/{id}/forlang")
    String extend(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect,
            Model model) {
        try {
            extracts.extend(actor, id, form.get("extendedTo"), form.get("extensionReason"), version);
            redirect.addFlashAttribute("notice", "privacy.notice.extended");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("extendForm", form);
            return page(actor, id, model);
        } catch (ConflictException e) {
            return conflict(e, id, locale, redirect);
        }
    }

    @PostMapping(BASE + "/{id}/avsla")
    String refuse(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect,
            Model model) {
        try {
            extracts.refuse(actor, id, form.get("refusalReason"), version);
            redirect.addFlashAttribute("notice", "privacy.notice.refused");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("refuseForm", form);
            return page(actor, id, model);
        } catch (ConflictException e) {
            return conflict(e, id, locale, redirect);
        }
    }

    @PostMapping(BASE + "/{id}/lamna-ut")
    String handOver(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String handover,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect,
            Model model) {
        try {
            extracts.handOver(actor, id, handover, version);
            redirect.addFlashAttribute("notice", "privacy.notice.handedOver");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return page(actor, id, model);
        } catch (ConflictException e) {
            return conflict(e, id, locale, redirect);
        }
    }

    @GetMapping(BASE + "/{id}/registerutdrag.pdf")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable UUID id) {
        var c = extracts.reviewed(actor, id, "PDF");
        return download(files.pdf(c, actor.organisationName(), LocalDateTime.now(clock)), "registerutdrag.pdf",
                MediaType.APPLICATION_PDF);
    }

    @GetMapping(BASE + "/{id}/registerutdrag.json")
    ResponseEntity<byte[]> json(Actor actor, @PathVariable UUID id) {
        var c = extracts.reviewed(actor, id, "JSON");
        return download(files.json(c, actor.organisationName(), LocalDateTime.now(clock)), "registerutdrag.json",
                MediaType.APPLICATION_JSON);
    }

    private String act(UUID id, Locale locale, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ConflictException e) {
            return conflict(e, id, locale, redirect);
        }
        return "redirect:" + BASE + "/" + id;
    }

    /** Someone changed the case first, or it is no longer where the form found it: back to it, saying so. */
    private String conflict(ConflictException e, UUID id, Locale locale, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), null, locale));
        return "redirect:" + BASE + "/" + id;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
