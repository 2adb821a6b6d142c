package se.lots.kaa.register;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.kaa.measure.KaaMeasureService;
import se.lots.kaa.measure.MeasureEndReason;
import se.lots.kaa.measure.MeasureResponsible;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/kaa")
class KaaController {

    private final KaaService kaa;
    private final KaaMeasureService measures;
    private final RegistryService registry;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final se.lots.appointment.AppointmentService appointments;
    private final KaaMoveService moves;

    KaaController(KaaService kaa, KaaMeasureService measures, RegistryService registry, MessageSource messages,
            java.time.Clock clock, se.lots.appointment.AppointmentService appointments, KaaMoveService moves) {
        this.appointments = appointments;
        this.moves = moves;
        this.kaa = kaa;
        this.measures = measures;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("today")
    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    @GetMapping
    String worklist(Actor actor, @RequestParam(defaultValue = "ALL") Worklist.Filter filter,
            @RequestParam(defaultValue = "NAME") Worklist.Sort sort, @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("overview", kaa.overview(actor));
        model.addAttribute("result", kaa.worklist(actor, filter, sort, page));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("filters", Worklist.Filter.values());
        model.addAttribute("sorts", Worklist.Sort.values());
        model.addAttribute("staff", kaa.staff(actor));
        return "kaa/worklist";
    }

    @GetMapping("/worklist.xlsx")
    org.springframework.http.ResponseEntity<byte[]> worklistWorkbook(Actor actor,
            @RequestParam(defaultValue = "ALL") Worklist.Filter filter,
            @RequestParam(defaultValue = "NAME") Worklist.Sort sort, Locale locale) {
        byte[] workbook = kaa.worklistWorkbook(actor, filter, sort, messages, locale);
        String name = "kaa-arbetslista-" + java.time.LocalDate.now(clock) + ".xlsx";
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook);
    }

    /**
     * The worklist's action bar: gives every checked row to one staff member ("none": to nobody). A refusal shows
     * the worklist again with the rows still checked and the reason on top.
     */
    @PostMapping("/episodes/assign")
    String assignChosen(Actor actor, @RequestParam(name = "episode", required = false) List<UUID> episode,
            @RequestParam(required = false) String assignTo,
            @RequestParam(defaultValue = "ALL") Worklist.Filter filter,
            @RequestParam(defaultValue = "NAME") Worklist.Sort sort, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        List<UUID> chosen = episode == null ? List.of() : episode;
        try {
            Long userId = assignee(assignTo);
            int assigned = kaa.assignAll(actor, chosen, userId);
            String who = userId == null ? null : kaa.staff(actor).stream().filter(u -> u.id() == userId)
                    .map(se.lots.organisation.UserAccount::displayName).findFirst().orElseThrow();
            redirect.addFlashAttribute("successText", who == null
                    ? messages.getMessage("kaa.assign.doneNobody", new Object[] { assigned }, locale)
                    : messages.getMessage("kaa.assign.done", new Object[] { assigned, who }, locale));
            return "redirect:/kaa?filter=" + filter + "&sort=" + sort + "&page=" + page;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("chosen", chosen);
            model.addAttribute("assignTo", assignTo);
            response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
            return worklist(actor, filter, sort, page, model);
        }
    }

    private static Long assignee(String assignTo) {
        if (assignTo == null || assignTo.isBlank()) {
            throw new InvalidInputException("assignTo", "kaa.assign.chooseWho");
        }
        if ("none".equals(assignTo)) {
            return null;
        }
        try {
            return Long.valueOf(assignTo.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("assignTo", "kaa.assign.unknownUser");
        }
    }

    @GetMapping("/persons/{id}")
    String person(Actor actor, @PathVariable UUID id, Model model) {
        // a municipality that does not hold the registry record (it took the person over after a move) sees the
        // identity only; the contact details the holder collected need the person's consent
        var read = registry.readIfAllowed(actor, id);
        model.addAttribute("person", read.map(se.lots.registry.PersonRead::person)
                .orElseGet(() -> kaa.identity(actor, id)));
        model.addAttribute("identityOnly", read.isEmpty());
        var register = kaa.person(actor, id);
        var history = moves.history(actor, id);
        model.addAttribute("kaa", register);
        model.addAttribute("moveHistory", history);
        model.addAttribute("movedOut", history.movedOut(register.episodes()));
        model.addAttribute("municipalities", moves.municipalities());
        model.addAttribute("moveSources", MoveSource.values());
        model.addAttribute("placementKinds", PlacementKind.values());
        model.addAttribute("coordinator", actor.role() == se.lots.organisation.Role.KAA_COORDINATOR);
        model.addAttribute("statuses", KaaStatus.values());
        model.addAttribute("studyKinds", StudyKind.values());
        model.addAttribute("sources", StatusSource.values());
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("outcomes", ContactOutcome.values());
        model.addAttribute("measures", measures.forPerson(actor, id));
        model.addAttribute("measureCategories", measures.categories());
        model.addAttribute("responsibles", MeasureResponsible.values());
        model.addAttribute("measureEndReasons", MeasureEndReason.values());
        // "Bokade tider" of a KAA contact: the appointment module's section (appointment/section.html)
        model.addAttribute("appointmentSection",
                appointments.section(actor, id, se.lots.appointment.AppointmentContext.KAA).orElse(null));
        return "kaa/person";
    }

    @PostMapping("/persons/{id}/status")
    String status(Actor actor, @PathVariable UUID id, @ModelAttribute KaaService.StatusInput input, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            kaa.recordStatus(actor, id, input);
        } catch (InvalidInputException e) {
            model.addAttribute("statusErrors", e.texts(messages, locale));
            model.addAttribute("statusInput", input);
            return person(actor, id, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.status.saved", null, locale));
        return "redirect:/kaa/persons/" + id;
    }

    @PostMapping("/persons/{id}/contacts")
    String contact(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String contactedOn, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "false") boolean withGuardian, @RequestParam(required = false) String note,
            @RequestParam(required = false) String newStatus, @RequestParam(required = false) String newSource,
            Model model, Locale locale, RedirectAttributes redirect) {
        var statusInput = new KaaService.StatusInput(newStatus, null, null, contactedOn, newSource, null);
        var input = new KaaService.ContactInput(channel, contactedOn, outcome, withGuardian, note, statusInput);
        try {
            kaa.recordContact(actor, id, input);
        } catch (InvalidInputException e) {
            model.addAttribute("contactErrors", e.texts(messages, locale));
            model.addAttribute("contactInput", input);
            return person(actor, id, model);
        }
        String notice = messages.getMessage("kaa.contact.saved", null, locale);
        if (newStatus != null && !newStatus.isBlank()) {
            var later = kaa.laterStatusThan(actor, id, java.time.LocalDate.parse(contactedOn.strip()));
            if (later.isPresent()) {
                var current = later.get();
                notice = messages.getMessage("kaa.contact.statusNotCurrent", new Object[] {
                    messages.getMessage("kaa.status." + current.status().name(), null, locale),
                    current.ascertainedOn().toString(),
                    messages.getMessage("kaa.source." + current.source().name(), null, locale), contactedOn.strip() },
                        locale);
            }
        }
        redirect.addFlashAttribute("noticeText", notice);
        return "redirect:/kaa/persons/" + id;
    }

    /** A move of the folkbokföring out of the municipality (docs/kaa.md, "Flytt och placering"). */
    @PostMapping("/persons/{id}/move")
    String move(Actor actor, @PathVariable UUID id, @ModelAttribute KaaMoveService.MoveInput input, Model model,
            Locale locale, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        try {
            var move = moves.move(actor, id, input);
            redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.move.saved",
                    new Object[] { move.toMunicipalityName(), move.movedOn().toString() }, locale));
            return "redirect:/kaa/persons/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("moveErrors", e.texts(messages, locale));
            model.addAttribute("moveInput", input);
            response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
        } catch (se.lots.shared.ConflictException e) {
            model.addAttribute("moveErrors", java.util.Map.of("toMunicipality",
                    messages.getMessage(e.messageKey(), null, locale)));
            response.setStatus(org.springframework.http.HttpStatus.CONFLICT.value());
        }
        return person(actor, id, model);
    }

    @PostMapping("/persons/{id}/placements")
    String placement(Actor actor, @PathVariable UUID id, @ModelAttribute KaaMoveService.PlacementInput input,
            Model model, Locale locale, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            moves.recordPlacement(actor, id, input);
        } catch (InvalidInputException e) {
            model.addAttribute("placementErrors", e.texts(messages, locale));
            model.addAttribute("placementInput", input);
            response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
            return person(actor, id, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.placement.saved", null, locale));
        return "redirect:/kaa/persons/" + id;
    }

    @PostMapping("/persons/{id}/placements/{placementId}/end")
    String endPlacement(Actor actor, @PathVariable UUID id, @PathVariable UUID placementId,
            @RequestParam(required = false) String toOn, @RequestParam(required = false) Integer version,
            Model model, Locale locale, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            moves.endPlacement(actor, placementId, toOn, version);
        } catch (InvalidInputException e) {
            model.addAttribute("placementErrors", e.texts(messages, locale));
            response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
            return person(actor, id, model);
        } catch (se.lots.shared.ConflictException e) {
            model.addAttribute("placementErrors", java.util.Map.of("placementTo",
                    messages.getMessage(e.messageKey(), null, locale)));
            response.setStatus(org.springframework.http.HttpStatus.CONFLICT.value());
            return person(actor, id, model);
        }
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.placement.ended", null, locale));
        return "redirect:/kaa/persons/" + id;
    }

    @GetMapping("/leaving")
    String leaving(Actor actor, @RequestParam(required = false) java.time.YearMonth month, Model model) {
        var shown = month != null ? month : java.time.YearMonth.now(clock);
        model.addAttribute("month", shown);
        model.addAttribute("rows", kaa.leaving(actor, shown));
        return "kaa/leaving";
    }
}
