package se.lots.plan;

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

import se.lots.organisation.OrganisationService;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

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

    PlanController(PlanService plans, EnrolmentService enrolments, RegistryService registry,
            OrganisationService organisations, se.lots.organisation.Organisations organisationUnits, YourPlanPdf yourPlan, CaseWorklist worklist, ReferralService referrals,
            MeetingService meetings, MessageSource messages, Clock clock) {
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

    @GetMapping("/plan")
    String worklist(Actor actor, @RequestParam(name = "sida", defaultValue = "1") int page, Model model) {
        CaseWorklist.Page list = worklist.page(actor, page);
        model.addAttribute("worklist", list);
        model.addAttribute("items", list.items());
        model.addAttribute("waitingReferrals", list.referralsWaiting());
        model.addAttribute("today", LocalDate.now(clock));
        return "plan/worklist";
    }

    /** The unit options of one organisation, for the referral form when the receiving organisation changes. */
    @GetMapping("/plan/units")
    String units(@RequestParam long toOrganisationId, Model model) {
        model.addAttribute("units", organisationUnits.units(toOrganisationId));
        return "plan/units :: options";
    }

    @GetMapping("/persons/{id}/plan")
    String page(Actor actor, @PathVariable UUID id, Model model) {
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
        return act(actor, id, model, locale, () -> plans.addTrack(actor, id, trackName));
    }

    @PostMapping("/persons/{id}/plan/support")
    String addSupport(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String supportName,
            @RequestParam(required = false) String supportRole, @RequestParam(required = false) String supportPhone,
            Model model, Locale locale) {
        return act(actor, id, model, locale, () -> plans.addSupportPerson(actor, id, supportName, supportRole,
                supportPhone));
    }

    @PostMapping("/persons/{id}/plan/reviews")
    String review(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String reviewHeldOn,
            @RequestParam(required = false) String reviewNote, @RequestParam(required = false) String nextReviewOn,
            Model model, Locale locale) {
        return act(actor, id, model, locale, () -> plans.recordReview(actor, id, reviewHeldOn, reviewNote,
                nextReviewOn));
    }

    @PostMapping("/persons/{id}/plan/contacts")
    String contact(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String contactOn,
            @RequestParam(required = false) String contactNote,
            @RequestParam(defaultValue = "false") boolean contactConfidential, Model model, Locale locale) {
        return act(actor, id, model, locale, () -> plans.recordContact(actor, id, contactOn, contactNote,
                contactConfidential));
    }

    @PostMapping("/persons/{id}/enrolments")
    String enrol(Actor actor, @PathVariable UUID id, @ModelAttribute EnrolmentInput input, Model model,
            Locale locale) {
        return act(actor, id, model, locale, () -> enrolments.enrol(actor, id, input));
    }

    @PostMapping("/persons/{id}/enrolments/{enrolmentId}/discharge")
    String discharge(Actor actor, @PathVariable UUID id, @PathVariable UUID enrolmentId,
            @RequestParam(required = false) String endedOn, @RequestParam(required = false) String endReason,
            @RequestParam(required = false) Integer version, Model model, Locale locale) {
        return act(actor, id, model, locale, () -> enrolments.discharge(actor, enrolmentId, endedOn, endReason,
                version));
    }

    @PostMapping("/persons/{id}/enrolments/{enrolmentId}/transfer")
    String transfer(Actor actor, @PathVariable UUID id, @PathVariable UUID enrolmentId,
            @ModelAttribute EnrolmentInput input, Model model, Locale locale) {
        return act(actor, id, model, locale, () -> enrolments.transfer(actor, enrolmentId, input));
    }

    @GetMapping("/persons/{id}/plan/din-plan.pdf")
    ResponseEntity<byte[]> yourPlan(Actor actor, @PathVariable UUID id) {
        PlanPage page = plans.page(actor, id);
        if (!page.exists() || !page.view().shared()) {
            throw new AccessDeniedException("the young person's copy needs the shared plan");
        }
        YoungPerson p = registry.read(actor, id).person();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"din-plan.pdf\"")
                .body(yourPlan.render(p.firstName(), page));
    }

    private String act(Actor actor, UUID id, Model model, Locale locale, Runnable action) {
        try {
            action.run();
            return "redirect:/persons/" + id + "/plan";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return show(actor, id, model);
        }
    }

    private String show(Actor actor, UUID id, Model model) {
        PlanService.WithPerson read = plans.pageWithPerson(actor, id);
        PlanPage page = read.page();
        model.addAttribute("page", page);
        model.addAttribute("person", read.person());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("colleagues", plans.colleagues(actor, page.exists() ? page.plan().coordinatorUserId() : null));
        var all = organisations.organisations();
        model.addAttribute("organisations", all);
        // the units of the organisation the referral form starts with; choosing another loads its units (GET /plan/units)
        model.addAttribute("units", all.isEmpty() ? List.of() : organisationUnits.units(all.get(0).id()));
        model.addAttribute("referrals", page.referrals());
        model.addAttribute("referralService", referrals);
        model.addAttribute("meetings", page.meetings());
        model.addAttribute("meetingKinds", MeetingKind.values());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("programmes", enrolments.programmes().stream()
                .filter(p -> p.organisationId() == actor.organisationId()).toList());
        model.addAttribute("parties", ResponsibleParty.values());
        model.addAttribute("statuses", StepStatus.values());
        model.addAttribute("supportRoles", SupportRole.values());
        model.addAttribute("endReasons", List.of(EnrolmentEndReason.values()).stream()
                .filter(r -> r != EnrolmentEndReason.OVERFORD).toList());
        if (!model.containsAttribute("newStep")) {
            model.addAttribute("newStep", StepInput.empty());
        }
        return "plan/plan";
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
