package se.lots.plan.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.appointment.AppointmentContext;
import se.lots.appointment.AppointmentService;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanService;
import se.lots.plan.ReferralService;
import se.lots.plan.StepInput;
import se.lots.plan.enrolment.EnrolmentEndReason;
import se.lots.plan.meeting.Meeting;
import se.lots.plan.meeting.MeetingKind;
import se.lots.plan.meeting.MeetingService;
import se.lots.plan.worklist.CaseWorklist;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

/** The plan page of a young person, the step form with its merge view, and "Din plan" as PDF. */
@Controller
class PlanController {

    private final PlanService plans;
    private final EnrolmentService enrolments;
    private final RegistryService registry;
    private final OrganisationService organisations;
    private final se.lots.organisation.Organisations organisationUnits;
    private final YourPlanPdf yourPlan;
    private final CaseWorklist worklist;
    private final ReferralService referrals;
    private final MeetingService meetings;
    private final MessageSource messages;
    private final Clock clock;
    private final AppointmentService appointments;

    PlanController(PlanService plans, EnrolmentService enrolments, RegistryService registry,
            OrganisationService organisations, se.lots.organisation.Organisations organisationUnits, YourPlanPdf yourPlan, CaseWorklist worklist, ReferralService referrals,
            MeetingService meetings, MessageSource messages, Clock clock, AppointmentService appointments) {
        this.appointments = appointments;
        this.worklist = worklist;
        this.referrals = referrals;
        this.meetings = meetings;
        this.plans = plans;
        this.enrolments = enrolments;
        this.registry = registry;
        this.organisations = organisations;
        this.organisationUnits = organisationUnits;
        this.yourPlan = yourPlan;
        this.messages = messages;
        this.clock = clock;
    }

    // Mina ärenden's views and sort orders as the address names them (the start page's "Visa alla" links to a view)
    private static final java.util.Map<String, CaseWorklist.Show> VIEWS = java.util.Map.of("alla",
            CaseWorklist.Show.ALL, "forsenade", CaseWorklist.Show.OVERDUE_STEPS, "uppfoljning",
            CaseWorklist.Show.REVIEWS, "samtycke", CaseWorklist.Show.CONSENTS);
    private static final java.util.Map<String, CaseWorklist.Sort> SORTS = java.util.Map.of("bradskande",
            CaseWorklist.Sort.URGENCY, "namn", CaseWorklist.Sort.NAME);

    @GetMapping("/plan")
    String worklist(Actor actor, @RequestParam(name = "sida", defaultValue = "1") int page,
            @RequestParam(name = "visa", defaultValue = "alla") String show,
            @RequestParam(name = "sortera", defaultValue = "bradskande") String sort, Model model) {
        String showParam = VIEWS.containsKey(show) ? show : "alla";
        String sortParam = SORTS.containsKey(sort) ? sort : "bradskande";
        CaseWorklist.Page list = worklist.page(actor, page, SORTS.get(sortParam), VIEWS.get(showParam));
        model.addAttribute("worklist", list);
        model.addAttribute("cases", list.cases());
        model.addAttribute("showParam", showParam);
        model.addAttribute("sortParam", sortParam);
        var views = new java.util.LinkedHashMap<String, CaseWorklist.Show>();
        for (String v : new String[] { "alla", "forsenade", "uppfoljning", "samtycke" }) {
            views.put(v, VIEWS.get(v));
        }
        model.addAttribute("views", views);
        model.addAttribute("waitingReferrals", list.referralsWaiting());
        model.addAttribute("today", LocalDate.now(clock));
        return "plan/worklist";
    }

    /** The unit options of one organisation, for the referral form when the receiving organisation changes. */
    @GetMapping("/plan/units")
    String units(@RequestParam OrganisationId toOrganisationId, Model model) {
        model.addAttribute("units", organisationUnits.units(toOrganisationId));
        return "plan/units :: options";
    }

    @GetMapping("/persons/{id}/plan")
    String page(Actor actor, @PathVariable UUID id, @RequestParam(name = "formular", required = false) String form,
            Model model) {
        if (form != null && PlanForm.ofPanel(form) != null && !model.containsAttribute("openForm")) {
            model.addAttribute("openForm", form);
        }
        return show(actor, id, model);
    }

    @PostMapping("/persons/{id}/plan")
    String create(Actor actor, @PathVariable UUID id) {
        plans.create(actor, id);
        return "redirect:/persons/" + id + "/plan";
    }

    @PostMapping("/persons/{id}/plan/goal")
    String goal(Actor actor, @PathVariable UUID id, @ModelAttribute PlanInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            plans.update(actor, id, input);
            redirect.addFlashAttribute("notice", "plan.saved");
            return "redirect:/persons/" + id + "/plan";
        } catch (PlanConflict c) {
            model.addAttribute("planConflict", c.current());
            model.addAttribute("planMine", input);
            return show(actor, id, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("planMine", input);
            return show(actor, id, model);
        }
    }

    @PostMapping("/persons/{id}/plan/steps")
    String addStep(Actor actor, @PathVariable UUID id, @ModelAttribute StepInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            plans.addStep(actor, id, input);
            redirect.addFlashAttribute("notice", "step.saved");
            return "redirect:/persons/" + id + "/plan#spar";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("newStep", input);
            model.addAttribute("openForm", PlanForm.STEP.fragment());
            return show(actor, id, model);
        }
    }

    @GetMapping("/plan/steps/{stepId}")
    String editStep(Actor actor, @PathVariable UUID stepId, Model model) {
        PlanStep step = plans.step(actor, stepId);
        return stepForm(actor, step, StepInput.of(step), model);
    }

    @PostMapping("/plan/steps/{stepId}")
    String saveStep(Actor actor, @PathVariable UUID stepId, @ModelAttribute StepInput input, Model model,
            Locale locale, RedirectAttributes redirect) {
        UUID person = plans.personOfStep(stepId);
        try {
            plans.updateStep(actor, stepId, input);
            redirect.addFlashAttribute("notice", "step.saved");
            return "redirect:/persons/" + person + "/plan#spar";
        } catch (PlanConflict c) {
            PlanStep theirs = (PlanStep) c.current();
            model.addAttribute("theirs", theirs);
            model.addAttribute("conflict", true);
            // the form keeps what this user typed, on the version now saved: saving again is the merge
            var mine = new StepInput(input.trackId(), input.title(), input.responsibleParty(),
                    input.responsibleUserId(), input.contactName(), input.how(), input.why(), input.nextStep(),
                    input.obstacles(), input.startsOn(), input.dueOn(), input.status(), input.cancelReason(),
                    input.confidential(), input.dependsOn(), theirs.version());
            return stepForm(actor, theirs, mine, model);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return stepForm(actor, plans.step(actor, stepId), input, model);
        }
    }

    @PostMapping("/persons/{id}/plan/tracks")
    String addTrack(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String trackName,
            Model model, Locale locale) {
        return act(actor, id, model, locale, PlanForm.TRACK, () -> plans.addTrack(actor, id, trackName));
    }

    @PostMapping("/persons/{id}/plan/support")
    String addSupport(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String supportName,
            @RequestParam(required = false) String supportRole, @RequestParam(required = false) String supportPhone,
            Model model, Locale locale) {
        return act(actor, id, model, locale, PlanForm.SUPPORT, () -> plans.addSupportPerson(actor, id, supportName, supportRole,
                supportPhone));
    }

    @PostMapping("/persons/{id}/plan/reviews")
    String review(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String reviewHeldOn,
            @RequestParam(required = false) String reviewNote, @RequestParam(required = false) String nextReviewOn,
            Model model, Locale locale) {
        return act(actor, id, model, locale, PlanForm.REVIEW, () -> plans.recordReview(actor, id, reviewHeldOn, reviewNote,
                nextReviewOn));
    }

    @PostMapping("/persons/{id}/plan/contacts")
    String contact(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String contactOn,
            @RequestParam(required = false) String contactNote,
            @RequestParam(defaultValue = "false") boolean contactConfidential, Model model, Locale locale) {
        return act(actor, id, model, locale, PlanForm.CONTACT, () -> plans.recordContact(actor, id, contactOn, contactNote,
                contactConfidential));
    }

    @PostMapping("/persons/{id}/enrolments")
    String enrol(Actor actor, @PathVariable UUID id, @ModelAttribute EnrolmentInput input, Model model,
            Locale locale) {
        return act(actor, id, model, locale, PlanForm.ENROL, () -> enrolments.enrol(actor, id, input));
    }

    @PostMapping("/persons/{id}/enrolments/{enrolmentId}/discharge")
    String discharge(Actor actor, @PathVariable UUID id, @PathVariable UUID enrolmentId,
            @RequestParam(required = false) String endedOn, @RequestParam(required = false) String endReason,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "false") boolean confirmed,
            Model model, Locale locale) {
        try {
            if (!confirmed) {
                // the outcome counts in the follow-up and cannot be undone: ask once, about an end that can be saved
                Enrolment checked;
                try {
                    checked = enrolments.checkDischarge(actor, enrolmentId, endedOn, endReason, version);
                } catch (InvalidInputException e) {
                    model.addAttribute("errors", e.texts(messages, locale));
                    // the refused row's fields get the ids the error summary links to
                    model.addAttribute("dischargeId", enrolmentId);
                    return show(actor, id, model);
                }
                model.addAttribute("personId", id);
                model.addAttribute("enrolment", checked);
                model.addAttribute("endedOn", endedOn.strip());
                model.addAttribute("endReason", endReason.strip().toUpperCase(Locale.ROOT));
                return "plan/discharge-confirm";
            }
            return act(actor, id, model, locale, null, () -> enrolments.discharge(actor, enrolmentId, endedOn,
                    endReason, version));
        } catch (ConflictException e) {
            // ended or changed by someone else since the page was loaded: what is saved now, next to what was typed
            Enrolment theirs = enrolments.forPerson(actor, id).stream().filter(x -> x.id().equals(enrolmentId))
                    .findFirst().orElseThrow(() -> e);
            model.addAttribute("enrolmentChanges", List.of(
                    new FieldChange(messages.getMessage("enrolment.field.endedOn", null, locale),
                            FieldChange.text(theirs.endedOn()), FieldChange.text(endedOn)),
                    new FieldChange(messages.getMessage("enrolment.field.endReason", null, locale),
                            theirs.endReason() == null ? ""
                                    : messages.getMessage("enrolment.end." + theirs.endReason().name(), null, locale),
                            endReason == null ? "" : messages.getMessage("enrolment.end." + endReason, null, endReason,
                                    locale))));
            return show(actor, id, model);
        }
    }

    @PostMapping("/persons/{id}/enrolments/{enrolmentId}/transfer")
    String transfer(Actor actor, @PathVariable UUID id, @PathVariable UUID enrolmentId,
            @ModelAttribute EnrolmentInput input, Model model, Locale locale) {
        return act(actor, id, model, locale, null, () -> enrolments.transfer(actor, enrolmentId, input));
    }

    @GetMapping("/persons/{id}/plan/din-plan.pdf")
    ResponseEntity<byte[]> yourPlan(Actor actor, @PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"din-plan.pdf\"")
                .body(yourPlan.forPerson(actor, id));
    }

    /** Runs an action of the plan page; on bad input the page comes back with the action's form open (if it has one). */
    private String act(Actor actor, UUID id, Model model, Locale locale, PlanForm form, Runnable action) {
        try {
            action.run();
            return "redirect:/persons/" + id + "/plan";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            if (form != null) {
                model.addAttribute("openForm", form.fragment());
            }
            return show(actor, id, model);
        }
    }

    /**
     * One form of the plan page, loaded when its panel is opened (htmx). The plan is read under the same access
     * decision as the page, and audited: the forms show the plan's steps and tracks.
     */
    @GetMapping("/persons/{id}/plan/forms/{form}")
    String form(Actor actor, @PathVariable UUID id, @PathVariable String form,
            @RequestParam(required = false) UUID meeting, Model model) {
        PlanForm f = PlanForm.ofPanel(form);
        if (f == null || !f.fragment().equals(form)) {
            throw new NotFoundException("no such form: " + form);
        }
        PlanPage page = plans.page(actor, id);
        if (f.needsSharedPlan() && !page.view().shared()) {
            throw new AccessDeniedException("this form needs the shared plan");
        }
        model.addAttribute("page", page);
        model.addAttribute("today", LocalDate.now(clock));
        if (f == PlanForm.MINUTES) {
            // only the meeting's own organisation writes its minutes, as on the page
            Meeting m = page.meetings().stream()
                    .filter(x -> x.id().equals(meeting) && x.organisationId().equals(page.view().organisationId()))
                    .findFirst().orElseThrow(() -> new NotFoundException("no such meeting of yours: " + meeting));
            model.addAttribute("m", m);
        }
        formModel(actor, page, f, model);
        return "plan/forms :: " + f.fragment();
    }

    private String show(Actor actor, UUID id, Model model) {
        PlanService.WithPerson read = plans.pageWithPerson(actor, id);
        PlanPage page = read.page();
        model.addAttribute("page", page);
        model.addAttribute("person", read.person());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("referrals", page.referrals());
        model.addAttribute("referralService", referrals);
        model.addAttribute("meetings", page.meetings());
        model.addAttribute("zone", clock.getZone());
        // "Bokade tider": the appointment module's section (appointment/section.html)
        model.addAttribute("appointmentSection", appointments.section(actor, id, AppointmentContext.PLAN).orElse(null));
        model.addAttribute("endReasons", List.of(EnrolmentEndReason.values()).stream()
                .filter(r -> r != EnrolmentEndReason.OVERFORD).toList());
        if (page.exists() && page.view().shared()) {
            // the goal form's coordinator list
            model.addAttribute("colleagues", plans.colleagues(actor, page.plan().coordinatorUserId()));
        }
        // the forms are closed and loaded when opened (plan/forms.html), except one that came back with errors
        // or that was asked for without JavaScript (?formular=)
        Object open = model.getAttribute("openForm");
        PlanForm form = PlanForm.ofPanel(open instanceof String name ? name : null);
        if (form != null) {
            formModel(actor, page, form, model);
        }
        return "plan/plan";
    }

    /** What one form needs beyond the plan page itself. */
    private void formModel(Actor actor, PlanPage page, PlanForm form, Model model) {
        switch (form) {
            case STEP -> {
                if (!model.containsAttribute("colleagues")) {
                    model.addAttribute("colleagues", plans.colleagues(actor,
                            page.exists() ? page.plan().coordinatorUserId() : null));
                }
                model.addAttribute("parties", ResponsibleParty.values());
                model.addAttribute("statuses", StepStatus.values());
                if (!model.containsAttribute("newStep")) {
                    model.addAttribute("newStep", StepInput.empty());
                }
            }
            case SUPPORT -> model.addAttribute("supportRoles", SupportRole.values());
            case ENROL -> {
                if (!model.containsAttribute("colleagues")) {
                    model.addAttribute("colleagues", plans.colleagues(actor,
                            page.exists() ? page.plan().coordinatorUserId() : null));
                }
                model.addAttribute("organisations", organisations.organisations());
                model.addAttribute("programmes", enrolments.programmes().stream()
                        .filter(p -> p.organisationId().equals(actor.organisationId())).toList());
            }
            case MEETING -> {
                model.addAttribute("organisations", organisations.organisations());
                model.addAttribute("meetingKinds", MeetingKind.values());
            }
            case REFERRAL -> {
                var all = organisations.organisations();
                model.addAttribute("organisations", all);
                // the units of the organisation the form starts with; choosing another loads its units (GET /plan/units)
                model.addAttribute("units", all.isEmpty() ? List.of() : organisationUnits.units(all.get(0).id()));
            }
            default -> {
                // the track, review, minutes and contact forms need only the page
            }
        }
    }

    private String stepForm(Actor actor, PlanStep step, StepInput input, Model model) {
        UUID person = plans.personOfStep(step.id());
        model.addAttribute("step", step);
        model.addAttribute("input", input);
        model.addAttribute("personId", person);
        model.addAttribute("page", plans.page(actor, person));
        model.addAttribute("colleagues", plans.colleagues(actor, step.responsibleUserId()));
        model.addAttribute("parties", ResponsibleParty.values());
        model.addAttribute("statuses", StepStatus.values());
        return "plan/step";
    }
}
