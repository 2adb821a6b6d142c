package se.lots.progression.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.progression.FunderReportService;
import se.lots.progression.instrument.AssessmentInput;
import se.lots.progression.instrument.AssessmentSeries;
import se.lots.progression.instrument.AssessmentService;
import se.lots.progression.instrument.InstrumentService;
import se.lots.progression.instrument.ProgressCharts;
import se.lots.progression.instrument.ReliableChangePolicy;
import se.lots.progression.ladder.StepMovementService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The follow-up pages: a programme's participants, one participant's registrations, assessments with their chart,
 * and step movements. An enrolment's page lives at {@code /enrolments/{id}/registrering}; an anonymous participant,
 * who has no enrolment, at {@code /deltagare/{id}/registrering}.
 */
@Controller
class ProgressionController {

    private final RegistrationService registrations;
    private final AssessmentService assessments;
    private final StepMovementService movements;
    private final InstrumentService instruments;
    private final ProgrammeFollowUpService followUp;
    private final Categories categories;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final se.lots.plan.EnrolmentService enrolments;

    ProgressionController(RegistrationService registrations, AssessmentService assessments,
            StepMovementService movements, InstrumentService instruments, ProgrammeFollowUpService followUp,
            Categories categories, MessageSource messages, java.time.Clock clock,
            se.lots.plan.EnrolmentService enrolments) {
        this.clock = clock;
        this.enrolments = enrolments;
        this.registrations = registrations;
        this.assessments = assessments;
        this.movements = movements;
        this.instruments = instruments;
        this.followUp = followUp;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping("/uppfoljning")
    String programmes(Actor actor, Model model) {
        var programmes = followUp.programmes(actor);
        model.addAttribute("programmes", programmes);
        model.addAttribute("seesFigures", programmes.stream().filter(p -> FunderReportService.seesFigures(actor, p))
                .map(p -> p.id()).collect(java.util.stream.Collectors.toSet()));
        boolean keeps = actor.role() == se.lots.organisation.Role.PROGRAMME_LEAD;
        model.addAttribute("keepsProgrammes", keeps);
        model.addAttribute("federations", keeps ? enrolments.federations() : List.of());
        return "progression/programmes";
    }

    /** Which samordningsförbund funds the programme: the förbund's officers follow it up in Uppföljning Finsam. */
    @PostMapping("/uppfoljning/insatser/{id}/finansiar")
    String programmeFundedBy(Actor actor, @PathVariable long id, @RequestParam(required = false) String fundedBy,
            Locale locale, RedirectAttributes redirect) {
        try {
            enrolments.setProgrammeFundedBy(actor, id, fundedBy);
            redirect.addFlashAttribute("noticeText", messages.getMessage("progression.programmes.fundedBySaved", null,
                    locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("programmeErrors", named(e, "progression.programmes.field.", locale));
        }
        return "redirect:/uppfoljning";
    }

    /** The programme lead adds one of the organisation's programmes (insatser), or takes an ended one up again. */
    @PostMapping("/uppfoljning/insatser")
    String addProgramme(Actor actor, @RequestParam(required = false) String programmeName, Locale locale,
            RedirectAttributes redirect) {
        try {
            enrolments.saveProgramme(actor, programmeName);
            redirect.addFlashAttribute("noticeText", messages.getMessage("progression.programmes.added",
                    new Object[] { programmeName.strip() }, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("programmeErrors", named(e, "progression.programmes.field.", locale));
            redirect.addFlashAttribute("programmeName", programmeName);
        }
        return "redirect:/uppfoljning";
    }

    /** Ends a programme (it takes no new enrolments; its follow-up and report stay) or takes it up again. */
    @PostMapping("/uppfoljning/insatser/{id}/aktiv")
    String programmeActive(Actor actor, @PathVariable long id, @RequestParam boolean active, Locale locale,
            RedirectAttributes redirect) {
        enrolments.setProgrammeActive(actor, id, active);
        redirect.addFlashAttribute("noticeText", messages.getMessage(active ? "progression.programmes.resumed"
                : "progression.programmes.ended", null, locale));
        return "redirect:/uppfoljning";
    }

    @GetMapping("/programmes/{id}/deltagare")
    String participants(Actor actor, @PathVariable long id, Model model) {
        ProgrammeFollowUp page = followUp.page(actor, id);
        model.addAttribute("followUp", page);
        model.addAttribute("seesFigures", FunderReportService.seesFigures(actor, page.programme()));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("trends", List.of(ReliableChangePolicy.Trend.IMPROVED, ReliableChangePolicy.Trend.STUCK,
                ReliableChangePolicy.Trend.WORSENED));
        return "progression/participants";
    }

    /** A group activity, recorded once for those who took part; the page again with what was typed on an error. */
    @PostMapping("/programmes/{id}/gruppaktivitet")
    String groupActivity(Actor actor, @PathVariable long id, @RequestParam(required = false) String groupOn,
            @RequestParam(required = false) String groupNote,
            @RequestParam(name = "groupParticipants", required = false) List<String> chosen, Model model,
            Locale locale, RedirectAttributes redirect) {
        List<String> participants = chosen == null ? List.of() : chosen;
        try {
            int recorded = followUp.recordGroupActivity(actor, id, groupOn, groupNote, participants);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("progression.groupActivity.saved", new Object[] { recorded }, locale));
            return "redirect:/programmes/" + id + "/deltagare#gruppaktivitet";
        } catch (InvalidInputException e) {
            model.addAttribute("groupErrors", named(e, "plan.field.", locale));
            model.addAttribute("groupOn", groupOn);
            model.addAttribute("groupNote", groupNote);
            model.addAttribute("groupChosen", participants);
            return participants(actor, id, model);
        }
    }

    @GetMapping("/enrolments/{id}/registrering")
    String enrolment(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        return show(actor, registrations.page(actor, id), model, locale);
    }

    @GetMapping("/deltagare/{id}/registrering")
    String anonymous(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        return show(actor, registrations.anonymousPage(actor, id), model, locale);
    }

    @PostMapping({ "/enrolments/{id}/registrering/{kind}", "/deltagare/{id}/registrering/{kind}" })
    String register(Actor actor, @PathVariable UUID id, @PathVariable String kind,
            @RequestParam Map<String, String> form, @RequestParam(required = false) List<String> incomeSources,
            jakarta.servlet.http.HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        boolean anonymous = request.getRequestURI().contains("/deltagare/");
        RegistrationKind k = "slut".equalsIgnoreCase(kind) ? RegistrationKind.SLUT : RegistrationKind.START;
        String af = form.get("registeredAtAf");
        var input = new RegistrationInput(form.get("measuredOn"), form.get("occupation"), form.get("workExtent"),
                incomeSources == null ? List.of() : incomeSources, form.get("educationLevel"),
                af == null ? null : Boolean.valueOf(af), version(form.get("version")), form.get("endedOn"));
        try {
            if (anonymous) {
                registrations.saveForParticipation(actor, id, k, input);
            } else {
                registrations.save(actor, id, k, input);
            }
            redirect.addFlashAttribute("notice", "progression.saved");
            return "redirect:" + base(anonymous, id);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            // the START and SLUT forms have the same fields: the errors are shown on the form that was sent
            model.addAttribute("errorsOf", k == RegistrationKind.START ? "start" : "slut");
            model.addAttribute(k == RegistrationKind.START ? "startForm" : "endForm", input);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.messageKey());
        }
        return show(actor, anonymous ? registrations.anonymousPage(actor, id) : registrations.page(actor, id), model,
                locale);
    }

    @PostMapping("/enrolments/{id}/registrering/anonym")
    String registerAnonymously(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String anonymousReason,
            Model model, Locale locale) {
        try {
            Participation p = registrations.registerAnonymously(actor, id, anonymousReason);
            return "redirect:/deltagare/" + p.id() + "/registrering";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return show(actor, registrations.page(actor, id), model, locale);
        }
    }

    @PostMapping({ "/enrolments/{id}/registrering/bedomning", "/deltagare/{id}/registrering/bedomning" })
    String assess(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> form,
            jakarta.servlet.http.HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        boolean anonymous = request.getRequestURI().contains("/deltagare/");
        var scores = new LinkedHashMap<Long, String>();
        form.forEach((k, v) -> {
            if (k.startsWith("score_")) {
                try {
                    scores.put(Long.parseLong(k.substring(6)), v);
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        });
        var input = new AssessmentInput(form.get("instrumentId"), form.get("rater"), form.get("assessedOn"), scores);
        try {
            if (anonymous) {
                assessments.recordForParticipation(actor, id, input);
            } else {
                assessments.record(actor, id, input);
            }
            redirect.addFlashAttribute("notice", "progression.assessmentSaved");
            return "redirect:" + base(anonymous, id) + "#skattningar";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("assessmentForm", input);
            model.addAttribute("typedScores", form);
        }
        return show(actor, anonymous ? registrations.anonymousPage(actor, id) : registrations.page(actor, id), model,
                locale);
    }

    @PostMapping({ "/enrolments/{id}/registrering/steg", "/deltagare/{id}/registrering/steg" })
    String move(Actor actor, @PathVariable UUID id, @RequestParam Map<String, String> form,
            jakarta.servlet.http.HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        boolean anonymous = request.getRequestURI().contains("/deltagare/");
        try {
            if (anonymous) {
                movements.recordForParticipation(actor, id, form.get("movedOn"), form.get("fromStep"),
                        form.get("toStep"), form.get("note"));
            } else {
                movements.record(actor, id, form.get("movedOn"), form.get("fromStep"), form.get("toStep"),
                        form.get("note"));
            }
            redirect.addFlashAttribute("notice", "progression.movementSaved");
            return "redirect:" + base(anonymous, id) + "#steg";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        }
        return show(actor, anonymous ? registrations.anonymousPage(actor, id) : registrations.page(actor, id), model,
                locale);
    }

    private String show(Actor actor, RegistrationPage page, Model model, Locale locale) {
        boolean anonymous = page.enrolment() == null;
        UUID key = anonymous ? page.participation().id() : page.enrolment().id();
        model.addAttribute("page", page);
        model.addAttribute("base", base(anonymous, key));
        model.addAttribute("occupations", categories.occupations(locale));
        model.addAttribute("incomeSources", categories.incomeSources(locale));
        model.addAttribute("educationLevels", categories.educationLevels(locale));
        model.addAttribute("anonymousReasons", AnonymousReason.values());
        if (!model.containsAttribute("startForm")) {
            model.addAttribute("startForm", form(page.start()));
        }
        if (!model.containsAttribute("endForm")) {
            model.addAttribute("endForm", form(page.end()));
        }
        List<AssessmentSeries> series = page.registeredAnonymously() ? List.of()
                : anonymous ? assessments.seriesOfParticipation(actor, key) : assessments.series(actor, key);
        var charts = new ArrayList<ProgressCharts.ProgressChart>();
        for (int i = 0; i < series.size(); i++) {
            charts.add(ProgressCharts.of("progress-" + i, series.get(i), messages, locale));
        }
        model.addAttribute("charts", charts);
        model.addAttribute("instruments", instruments.instruments(actor, true));
        model.addAttribute("ladder", movements.ladder());
        model.addAttribute("movements", page.registeredAnonymously() ? List.of()
                : anonymous ? movements.movementsOfParticipation(actor, key) : movements.movements(actor, key));
        return "progression/participant";
    }

    private static RegistrationInput form(Registration r) {
        if (r == null) {
            return new RegistrationInput(null, null, null, List.of(), null, null, null, null);
        }
        return new RegistrationInput(r.measuredOn().toString(), r.occupation().name(),
                r.workExtent() == null ? null : r.workExtent().toString(),
                r.incomeSources().stream().map(Enum::name).toList(), r.educationLevel().name(), r.registeredAtAf(),
                r.version(), null);
    }

    private static String base(boolean anonymous, UUID id) {
        return anonymous ? "/deltagare/" + id + "/registrering" : "/enrolments/" + id + "/registrering";
    }

    private static Integer version(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "Insatsens namn: Fältet måste fyllas i." — each message with its field's label (the key {@code labels} + field). */
    private Map<String, String> named(InvalidInputException e, String labels, Locale locale) {
        var named = new LinkedHashMap<String, String>();
        e.texts(messages, locale).forEach((field, text) -> named.put(field,
                messages.getMessage(labels + field, null, field, locale) + ": " + text));
        return named;
    }
}
