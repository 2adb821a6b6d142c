package se.lots.federation.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The förbund's meetings: the list ({@code /forbund/sammantraden}), a new meeting ({@code /ny}) and one meeting with
 * its participants, agenda, minutes per item, the board's decisions, the approval and the minutes as PDF.
 */
@Controller
class GovernanceController {

    static final String BASE = "/forbund/sammantraden";
    static final int GRANT_ROWS = 3;
    static final int REPORTING_ROWS = 2;

    private final GovernanceService service;
    private final MinutesPdf pdf;
    private final MessageSource messages;

    GovernanceController(GovernanceService service, MinutesPdf pdf, MessageSource messages) {
        this.service = service;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        model.addAttribute("meetings", service.meetings(actor));
        return "federation/governance/list";
    }

    @GetMapping(BASE + "/ny")
    String form(Actor actor, Model model) {
        service.meetings(actor);
        model.addAttribute("form", Map.of("body", "BOARD"));
        return "federation/governance/new";
    }

    @PostMapping(BASE + "/ny")
    String create(Actor actor, @RequestParam Map<String, String> form, Model model, Locale locale) {
        try {
            GovernanceMeeting m = service.create(actor, new GovernanceMeetingInput(form.get("body"), form.get("heldOn"),
                    form.get("startsAt"), form.get("endsAt"), form.get("place")));
            return "redirect:" + BASE + "/" + m.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", form);
            return "federation/governance/new";
        }
    }

    @GetMapping(BASE + "/{id}")
    String page(Actor actor, @PathVariable long id, Model model) {
        return meetingPage(actor, id, Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/deltagare")
    String participant(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return edit(actor, id, form, model, locale, redirect, "federation.governance.participantAdded",
                () -> service.addParticipant(actor, id, new ParticipantInput(form.get("name"),
                        form.get("organisationId"), form.get("role"),
                        form.get("present") == null ? null : Boolean.valueOf(form.get("present")), version(form))));
    }

    @PostMapping(BASE + "/{id}/arenden")
    String item(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return edit(actor, id, form, model, locale, redirect, "federation.governance.itemAdded",
                () -> service.addItem(actor, id, new AgendaItemInput(form.get("heading"), form.get("applicationId"),
                        form.get("programmeId"), version(form))));
    }

    @PostMapping(BASE + "/{id}/arenden/{itemId}/protokoll")
    String itemMinutes(Actor actor, @PathVariable long id, @PathVariable long itemId,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        return edit(actor, id, form, model, locale, redirect, "federation.governance.minutesSaved",
                () -> service.recordItemMinutes(actor, id, itemId, new ItemMinutesInput(form.get("statement"),
                        form.get("minutes"), version(form))));
    }

    @PostMapping(BASE + "/{id}/justera")
    String approve(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        return edit(actor, id, form, model, locale, redirect, "federation.governance.approvedNotice",
                () -> service.approve(actor, id, version(form)));
    }

    @PostMapping(BASE + "/{id}/beslut")
    String decide(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        var grants = new ArrayList<DecisionInput.GrantLine>();
        for (int i = 0; form.containsKey("grants[" + i + "].amount"); i++) {
            grants.add(new DecisionInput.GrantLine(form.get("grants[" + i + "].year"),
                    form.get("grants[" + i + "].amount")));
        }
        var dates = new ArrayList<String>();
        for (int i = 0; form.containsKey("reportingDates[" + i + "]"); i++) {
            dates.add(form.get("reportingDates[" + i + "]"));
        }
        String current = form.get("currentDecisionId");
        return edit(actor, id, form, model, locale, redirect, "federation.governance.decided",
                () -> service.decide(actor, id, new DecisionInput(form.get("applicationId"), form.get("outcome"),
                        List.copyOf(grants), form.get("conditions"), List.copyOf(dates),
                        current == null || current.isBlank() ? null : Long.valueOf(current))));
    }

    @GetMapping(BASE + "/{id}/protokoll.pdf")
    ResponseEntity<byte[]> minutes(Actor actor, @PathVariable long id, Locale locale) {
        GovernanceMeeting m = service.meeting(actor, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"protokoll-" + m.heldOn() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(pdf.render(m, locale));
    }

    private String edit(Actor actor, long id, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return meetingPage(actor, id, form, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String meetingPage(Actor actor, long id, Map<String, String> form, Model model) {
        model.addAttribute("m", service.meeting(actor, id));
        GovernanceService.Options options = service.options(actor);
        var applications = new LinkedHashMap<String, String>();
        options.applications().forEach(a -> applications.put(String.valueOf(a.id()), a.title() + " (" + a.applicantName()
                + ")"));
        var programmes = new LinkedHashMap<String, String>();
        options.programmes().forEach(p -> programmes.put(String.valueOf(p.id()), p.name()));
        var organisations = new LinkedHashMap<String, String>();
        options.organisations().forEach(o -> organisations.put(String.valueOf(o.id().value()), o.name()));
        model.addAttribute("applicationOptions", applications);
        model.addAttribute("programmeOptions", programmes);
        model.addAttribute("organisationOptions", organisations);
        model.addAttribute("form", form);
        model.addAttribute("grantRows", GRANT_ROWS);
        model.addAttribute("reportingRows", REPORTING_ROWS);
        return "federation/governance/meeting";
    }

    private static Integer version(Map<String, String> form) {
        String v = form.get("version");
        try {
            return v == null || v.isBlank() ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
