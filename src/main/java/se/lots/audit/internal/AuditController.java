package se.lots.audit.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.audit.PersonLookup;
import se.lots.security.Actor;

/** Logguppföljning: the auditor searches the log by person or user and period, and exports a person's history. */
@Controller
@RequestMapping("/audit")
class AuditController {

    private static final int PAGE = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    private final AuditLog audit;
    private final AuditEntries entries;
    private final PersonLookup persons;
    private final MessageSource messages;
    private final Clock clock;

    AuditController(AuditLog audit, AuditEntries entries, PersonLookup persons, MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.entries = entries;
        this.persons = persons;
        this.messages = messages;
    }

    @GetMapping
    String search(@RequestParam(required = false) String pin, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) AuditAction action, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("pin", pin);
        model.addAttribute("username", username);
        model.addAttribute("action", action);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("emergencies", entries.emergencyAccesses(from == null ? today.minusDays(30) : from, to));
        UUID person = personId;
        if (pin != null && !pin.isBlank()) {
            Optional<UUID> found = lookup(pin, model, locale);
            if (found.isEmpty()) {
                return "audit/log";
            }
            person = found.get();
        }
        // an action alone is a search too: e.g. every protected identity lifted in a period
        if (person == null && (username == null || username.isBlank()) && action == null) {
            return "audit/log";
        }
        var query = new AuditQuery(person, username, from, to, action);
        model.addAttribute("personId", person);
        model.addAttribute("entries", entries.search(query, PAGE, 0));
        model.addAttribute("count", entries.count(query));
        return "audit/log";
    }

    @PostMapping("/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", entries.verify());
        return "redirect:/audit";
    }

    /** A person's whole access history as CSV (semicolon, UTF-8 with BOM so that Excel opens it in Swedish). */
    @GetMapping("/export")
    void export(Actor actor, @RequestParam UUID personId, HttpServletResponse response) throws IOException {
        audit.record(actor, personId, AuditAction.EXPORT, AccessBasis.of("LOGGUPPFOLJNING"), "åtkomsthistorik");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"atkomsthistorik-" + personId + ".csv\"");
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8));
        out.print('\uFEFF');
        out.println("id;tidpunkt;användare;organisation;roll;händelse;grund;samtycke;detalj");
        var query = new AuditQuery(personId, null, null, null, null);
        for (AuditEntry e : entries.search(query, 100_000, 0)) {
            out.println(String.join(";", String.valueOf(e.id()), TIME.format(e.at()), csv(e.username()),
                    String.valueOf(e.organisationId()), csv(e.role()), e.action().name(), csv(e.purpose()),
                    e.consentId() == null ? "" : e.consentId().toString(), csv(e.detail())));
        }
        out.flush();
    }

    private Optional<UUID> lookup(String pin, Model model, Locale locale) {
        try {
            Optional<UUID> id = persons.idByPersonalIdentityNumber(pin);
            if (id.isEmpty()) {
                model.addAttribute("errors", Map.of("pin", messages.getMessage("audit.personNotFound", null, locale)));
            }
            return id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", Map.of("pin", messages.getMessage("pin.invalid.format", null, locale)));
            return Optional.empty();
        }
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.replace("\"", "\"\"");
        // a leading = + - @ would make a spreadsheet run the cell as a formula
        if (!clean.isEmpty() && "=+-@".indexOf(clean.charAt(0)) >= 0) {
            clean = "'" + clean;
        }
        return "\"" + clean + "\"";
    }
}
