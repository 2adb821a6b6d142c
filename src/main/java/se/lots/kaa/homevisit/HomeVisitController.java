package se.lots.kaa.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.kaa.register.ContactOutcome;
import se.lots.kaa.register.KaaStatus;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/kaa/visits")
class HomeVisitController {

    private final HomeVisitService visits;
    private final HomeVisitDocuments documents;
    private final MessageSource messages;
    private final Clock clock;

    HomeVisitController(HomeVisitService visits, HomeVisitDocuments documents, MessageSource messages, Clock clock) {
        this.visits = visits;
        this.documents = documents;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @ModelAttribute("staffFields")
    List<String> staffFields() {
        return List.of("firstStaffId", "secondStaffId");
    }

    @GetMapping
    String days(Actor actor, Model model) {
        model.addAttribute("days", visits.days(actor));
        return "kaa/visits";
    }

    /** The worklist's selection: the form to plan a day for the chosen persons. */
    @PostMapping("/new")
    String draft(Actor actor, @RequestParam(name = "episode", required = false) List<UUID> episodes, Model model,
            Locale locale, RedirectAttributes redirect) {
        if (episodes == null || episodes.isEmpty()) {
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.selection.none", null, locale));
            return "redirect:/kaa";
        }
        model.addAttribute("draft", visits.draft(actor, episodes));
        model.addAttribute("input", new HomeVisitService.PlanInput(LocalDate.now(clock).toString(), null, null,
                null, episodes));
        return "kaa/visit-plan";
    }

    @PostMapping
    String plan(Actor actor, @RequestParam(required = false) String visitOn,
            @RequestParam(required = false) Long firstStaffId, @RequestParam(required = false) Long secondStaffId,
            @RequestParam(required = false) String contactPhone,
            @RequestParam(name = "episode", required = false) List<UUID> episodes, Model model, Locale locale,
            RedirectAttributes redirect) {
        var input = new HomeVisitService.PlanInput(visitOn, firstStaffId, secondStaffId, contactPhone, episodes);
        try {
            UUID id = visits.plan(actor, input);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.visits.planned", null, locale));
            return "redirect:/kaa/visits/" + id;
        } catch (InvalidInputException e) {
            if (episodes == null || episodes.isEmpty()) {
                redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.selection.none", null, locale));
                return "redirect:/kaa";
            }
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("draft", visits.draft(actor, episodes));
            model.addAttribute("input", input);
            return "kaa/visit-plan";
        }
    }

    @GetMapping("/{id}")
    String day(Actor actor, @PathVariable UUID id, Model model) {
        var plan = visits.day(actor, id);
        model.addAttribute("plan", plan);
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("statuses", KaaStatus.values());
        if (!plan.day().cancelled()) {
            model.addAttribute("staff", visits.staff(actor));
            if (!model.containsAttribute("change")) {
                var d = plan.day();
                model.addAttribute("change", new HomeVisitService.ChangeInput(d.visitOn().toString(),
                        d.firstStaffId(), d.secondStaffId(), d.contactPhone(), d.version()));
            }
        }
        return "kaa/visit-day";
    }

    /** A new date, other staff or another phone for a planned day. */
    @PostMapping("/{id}/change")
    String change(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String visitOn,
            @RequestParam(required = false) Long firstStaffId, @RequestParam(required = false) Long secondStaffId,
            @RequestParam(required = false) String contactPhone, @RequestParam(required = false) Integer version,
            Model model, Locale locale, RedirectAttributes redirect) {
        var input = new HomeVisitService.ChangeInput(visitOn, firstStaffId, secondStaffId, contactPhone, version);
        try {
            visits.change(actor, id, input);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.visits.changed", null, locale));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("change", input);
            model.addAttribute("changeOpen", true);
            return day(actor, id, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:/kaa/visits/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        try {
            visits.cancel(actor, id, reason, version);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.visits.cancelledNotice", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorText", String.join(" ", e.texts(messages, locale).values()));
        }
        return "redirect:/kaa/visits/" + id;
    }

    /** Takes one person off the day before the visit. */
    @PostMapping("/{id}/remove")
    String remove(Actor actor, @PathVariable UUID id, @RequestParam UUID person, Locale locale,
            RedirectAttributes redirect) {
        try {
            visits.remove(actor, id, person);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.visits.removed", null, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        }
        return "redirect:/kaa/visits/" + id;
    }

    @PostMapping("/{id}/outcomes")
    String outcomes(Actor actor, @PathVariable UUID id,
            @RequestParam(name = "person", required = false) List<UUID> persons,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect) {
        var rows = new ArrayList<HomeVisitService.OutcomeInput>();
        for (UUID p : persons == null ? List.<UUID>of() : persons) {
            rows.add(new HomeVisitService.OutcomeInput(p, form.get("outcome-" + p),
                    "true".equals(form.get("guardian-" + p)), form.get("status-" + p), form.get("note-" + p)));
        }
        try {
            int n = visits.recordOutcomes(actor, id, rows);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.visits.recorded", new Object[] { n },
                    locale));
            return "redirect:/kaa/visits/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", form);
            return day(actor, id, model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
            return "redirect:/kaa/visits/" + id;
        }
    }

    /** The route sheet as a page to print from the browser. */
    @GetMapping("/{id}/route")
    String route(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("plan", visits.routeSheet(actor, id, "utskrift"));
        model.addAttribute("web", true);
        return "kaa/visit-route";
    }

    @GetMapping("/{id}/route.pdf")
    ResponseEntity<byte[]> routePdf(Actor actor, @PathVariable UUID id, Locale locale) {
        var plan = visits.routeSheet(actor, id, "PDF");
        return pdf(documents.routeSheet(plan, locale), "korlista-" + plan.day().visitOn() + ".pdf");
    }

    @GetMapping("/{id}/cards.pdf")
    ResponseEntity<byte[]> cardsPdf(Actor actor, @PathVariable UUID id, Locale locale) {
        var plan = visits.cards(actor, id);
        return pdf(documents.cards(plan, locale), "vi-har-varit-hos-dig-" + plan.day().visitOn() + ".pdf");
    }

    /**
     * The day as a calendar file for the two staff members: one whole-day event with the postal areas and how many
     * visits in each, nothing about any person (shared.calendar.CalendarFile).
     */
    @GetMapping("/{id}/hembesok.ics")
    ResponseEntity<byte[]> calendar(Actor actor, @PathVariable UUID id) {
        var plan = visits.calendarDay(actor, id);
        Locale sv = Locale.forLanguageTag("sv-SE");
        var areas = plan.route().groups().stream().map(g -> g.locality() == null || g.locality().isBlank()
                ? messages.getMessage("kaa.visits.calendar.unknownArea", null, sv) : g.locality()).toList();
        var lines = new ArrayList<String>();
        for (int i = 0; i < areas.size(); i++) {
            lines.add(messages.getMessage("kaa.visits.calendar.area",
                    new Object[] { areas.get(i), plan.route().groups().get(i).stops().size() }, sv));
        }
        byte[] file = se.lots.shared.calendar.CalendarFile.ofDays(List.of(new se.lots.shared.calendar.CalendarFile.DayEvent(
                "kaa-home-visit-day-" + id + "@lots", plan.day().visitOn(),
                messages.getMessage("kaa.visits.calendar.summary", new Object[] { plan.route().size() }, sv),
                areas.isEmpty() ? null : String.join(", ", areas.stream().distinct().toList()),
                String.join("\n", lines))), clock.instant());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hembesok-" + plan.day().visitOn()
                        + ".ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(file);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
