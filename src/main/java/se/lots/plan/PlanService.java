package se.lots.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;
import se.lots.plan.enrolment.Enrolments;
import se.lots.plan.journey.Journey;
import se.lots.plan.journey.JourneyEvent;
import se.lots.plan.meeting.Meeting;
import se.lots.plan.meeting.Meetings;
import se.lots.plan.plans.Plan;
import se.lots.plan.plans.PlanConflict;
import se.lots.plan.plans.PlanInput;
import se.lots.plan.plans.PlanStep;
import se.lots.plan.plans.Plans;
import se.lots.plan.plans.ResponsibleParty;
import se.lots.plan.plans.StepStatus;
import se.lots.plan.plans.SupportRole;
import se.lots.plan.referral.Referral;
import se.lots.plan.referral.Referrals;
import se.lots.registry.PersonRead;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * The young person's one plan. Anyone who sees the shared plan may write the goal and add steps for their own
 * organisation; a step is edited only by its organisation; every save is refused when someone else saved first.
 * Every read and write is audited with the basis the access decision gave.
 */
@Service
public class PlanService {

    static final int TIMELINE_LIMIT = 200;
    private static final int TEXT_MAX = 4000;

    private final PlanAccess access;
    private final Plans plans;
    private final Enrolments enrolments;
    private final Journey journey;
    private final Meetings meetings;
    private final Referrals referrals;
    private final RegistryService registry;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;

    PlanService(PlanAccess access, Plans plans, Enrolments enrolments, Journey journey, Meetings meetings,
            Referrals referrals, RegistryService registry, UserAccounts users, AuditLog audit, Clock clock) {
        this.access = access;
        this.plans = plans;
        this.enrolments = enrolments;
        this.journey = journey;
        this.meetings = meetings;
        this.referrals = referrals;
        this.registry = registry;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The plan page as the actor may see it (an empty plan when there is none yet): the plan, enrolments, timeline,
     * meetings and referrals under one access decision. The read is audited last, so that the audit log's chain lock
     * is held only for the commit.
     */
    @Transactional
    public PlanPage page(Actor actor, UUID personId) {
        PlanAccess.View view = access.view(actor, personId);
        PlanPage page = read(view);
        audit.record(actor, personId, AuditAction.READ, view.basis(), "plan, möten, remisser");
        return page;
    }

    /** The plan page with the young person's record for its header (null when the actor may not see it). */
    public record WithPerson(PlanPage page, YoungPerson person) {
    }

    /**
     * {@link #page} and the registry's read of the person in one transaction, so that the page costs one commit;
     * each read keeps its own access decision and audit row.
     */
    @Transactional
    public WithPerson pageWithPerson(Actor actor, UUID personId) {
        PlanPage page = page(actor, personId);
        YoungPerson person = registry.readIfAllowed(actor, personId).map(PersonRead::person).orElse(null);
        return new WithPerson(page, person);
    }

    private PlanPage read(PlanAccess.View view) {
        UUID personId = view.personId();
        var plan = plans.byPerson(personId).orElse(null);
        List<JourneyEvent> timeline = journey.timeline(view, TIMELINE_LIMIT);
        List<Enrolment> enrolled = enrolments.forPerson(personId).stream()
                .filter(e -> view.shows(e.organisationId(), false)).toList();
        List<Meeting> held = meetings.forPerson(view);
        List<Referral> sent = referrals.forPerson(personId).stream()
                .filter(r -> view.showsReferral(r.fromOrganisationId(), r.toOrganisationId())).toList();
        if (plan == null) {
            return new PlanPage(view, null, List.of(), List.of(), List.of(), enrolled, timeline, held, sent);
        }
        Map<Long, List<PlanStep>> byTrack = plans.visibleSteps(plan.id(), view.organisationId(), view.shared())
                .stream().collect(Collectors.groupingBy(PlanStep::trackId));
        var tracks = plans.tracks(plan.id()).stream()
                .map(t -> new PlanTrack(t.id(), t.kind(), t.name(), t.position(), byTrack.getOrDefault(t.id(), List.of())))
                .toList();
        if (!view.shared()) {
            // without consent only the own organisation's steps: not the young person's goal, strengths or reviews
            Plan own = new Plan(plan.id(), personId, null, null, null, null, null, plan.updatedAt(), null,
                    plan.version());
            return new PlanPage(view, own, tracks, List.of(), List.of(), enrolled, timeline, held, sent);
        }
        return new PlanPage(view, plan, tracks, plans.supportPersons(plan.id()), plans.reviews(plan.id()), enrolled,
                timeline, held, sent);
    }

    /**
     * The young person's needs recorded on the plan (codes of the intervention catalogue's list of needs); empty
     * when there is no plan yet. Audited as a read of the plan.
     */
    @Transactional
    public List<String> needs(Actor actor, UUID personId) {
        PlanAccess.View view = access.sharedView(actor, personId);
        List<String> codes = plans.byPerson(personId).map(p -> plans.needs(p.id())).orElse(List.of());
        audit.record(actor, personId, AuditAction.READ, view.basis(), "behov");
        return codes;
    }

    /**
     * Records the young person's needs (replacing the earlier ones), starting the plan if there is none; the codes
     * are checked against the list of needs by the database.
     */
    @Transactional
    public void saveNeeds(Actor actor, UUID personId, Collection<String> codes) {
        PlanAccess.View view = access.sharedView(actor, personId);
        var v = new Validation();
        for (String code : codes) {
            if (code == null || !code.matches("[A-Z0-9_]{1,60}")) {
                v.reject("needs", "validation.invalidValue");
            }
        }
        v.throwIfInvalid();
        Plan plan = plans.byPerson(personId).orElseGet(() -> create(actor, personId));
        plans.replaceNeeds(plan.id(), new java.util.TreeSet<>(codes), actor.userId());
        audit.record(actor, personId, AuditAction.UPDATE, view.basis(), "behov " + String.join(", ", codes));
    }

    /** Starts the young person's plan with the four standard tracks; the existing one if there is one already. */
    @Transactional
    public Plan create(Actor actor, UUID personId) {
        PlanAccess.View view = access.writingView(actor, personId);
        var existing = plans.byPerson(personId);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = plans.create(personId, actor.userId());
        journey.record(personId, actor.organisationId(), actor.userId(), today(), JourneyKind.PLAN, "", "SKAPAD",
                false, id);
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "plan " + id);
        return plans.byId(id).orElseThrow();
    }

    /** Saves the goal, strengths, coordinator and next review; refused with what is saved now if someone was first. */
    @Transactional
    public Plan update(Actor actor, UUID personId, PlanInput input) {
        PlanAccess.View view = access.sharedView(actor, personId);
        Plan plan = plans.byPerson(personId).orElseThrow(() -> new NotFoundException("plan"));
        var v = new Validation().maxLength("goal", input.goal(), TEXT_MAX).maxLength("strengths", input.strengths(),
                TEXT_MAX);
        LocalDate nextReview = v.date("nextReviewOn", input.nextReviewOn(), false, null);
        Long coordinator = staffMember(v, "coordinatorUserId", input.coordinatorUserId(), null);
        v.throwIfInvalid();
        int version = Versions.required(input.version(), null);
        if (!plans.update(plan.id(), blankToNull(input.goal()), blankToNull(input.strengths()), coordinator,
                nextReview, version, actor.userId())) {
            throw new PlanConflict("plan.stale", plan.id(), plans.byId(plan.id()).orElseThrow());
        }
        if (!Objects.equals(plan.goal(), blankToNull(input.goal()))) {
            journey.record(personId, actor.organisationId(), actor.userId(), today(), JourneyKind.PLAN,
                    blankToNull(input.goal()) == null ? "" : input.goal().strip(), "MAL", false, plan.id());
        }
        audit.record(actor, personId, AuditAction.UPDATE, view.basis(), "plan " + plan.id());
        return plans.byId(plan.id()).orElseThrow();
    }

    @Transactional
    public long addTrack(Actor actor, UUID personId, String name) {
        PlanAccess.View view = access.sharedView(actor, personId);
        Plan plan = plans.byPerson(personId).orElseThrow(() -> new NotFoundException("plan"));
        new Validation().require("trackName", name).maxLength("trackName", name, 80).throwIfInvalid();
        long id = plans.addTrack(plan.id(), name.strip());
        audit.record(actor, personId, AuditAction.UPDATE, view.basis(), "plan " + plan.id() + " spår " + id);
        return id;
    }

    /** A new step owned by the actor's organisation. */
    @Transactional
    public PlanStep addStep(Actor actor, UUID personId, StepInput input) {
        return addStep(actor, personId, input, null);
    }

    /** As {@link #addStep(Actor, UUID, StepInput)}, for a decision taken at a meeting. */
    public PlanStep addStep(Actor actor, UUID personId, StepInput input, UUID meetingId) {
        PlanAccess.View view = access.writingView(actor, personId);
        Plan plan = plans.byPerson(personId).orElseThrow(() -> new NotFoundException("plan"));
        var values = checked(input, plan, actor, null);
        UUID id = plans.insertStep(plan.id(), actor.organisationId(), values, meetingId, actor.userId());
        journey.record(personId, actor.organisationId(), actor.userId(), values.startsOn() == null ? today()
                : min(values.startsOn(), today()), JourneyKind.STEG, values.title(), values.status().name(),
                values.confidential(), id);
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "plansteg " + id);
        return plans.step(id).orElseThrow();
    }

    /**
     * Saves a step of the actor's own organisation. When someone saved it after {@code input.version()} nothing is
     * written and the conflict carries the step as saved now.
     */
    @Transactional
    public PlanStep updateStep(Actor actor, UUID stepId, StepInput input) {
        PlanStep step = plans.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        Plan plan = plans.byId(step.planId()).orElseThrow();
        PlanAccess.View view = access.view(actor, plan.personId());
        if (!step.organisationId().equals(actor.organisationId())) {
            throw new AccessDeniedException("a step is edited by its own organisation");
        }
        var values = checked(input, plan, actor, stepId);
        int version = Versions.required(input.version(), null);
        if (!plans.updateStep(stepId, values, version, actor.userId())) {
            throw new PlanConflict("step.stale", stepId, plans.step(stepId).orElseThrow());
        }
        if (values.status() != step.status()) {
            journey.record(plan.personId(), actor.organisationId(), actor.userId(), today(), JourneyKind.STEGSTATUS,
                    values.title(), values.status().name(), values.confidential(), stepId);
        }
        audit.record(actor, plan.personId(), AuditAction.UPDATE, view.basis(), "plansteg " + stepId);
        return plans.step(stepId).orElseThrow();
    }

    /** The step as the actor may see it, for the edit form. */
    @Transactional
    public PlanStep step(Actor actor, UUID stepId) {
        PlanStep step = plans.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        Plan plan = plans.byId(step.planId()).orElseThrow();
        PlanAccess.View view = access.view(actor, plan.personId());
        if (!view.shows(step.organisationId(), step.confidential())) {
            throw new AccessDeniedException("step not visible");
        }
        audit.record(actor, plan.personId(), AuditAction.READ, view.basis(), "plansteg " + stepId);
        return step;
    }

    /** The person whose plan holds the step. */
    @Transactional(readOnly = true)
    public UUID personOfStep(UUID stepId) {
        PlanStep step = plans.step(stepId).orElseThrow(() -> new NotFoundException("step"));
        return plans.byId(step.planId()).orElseThrow().personId();
    }

    @Transactional
    public void addSupportPerson(Actor actor, UUID personId, String name, String role, String phone) {
        PlanAccess.View view = access.sharedView(actor, personId);
        Plan plan = plans.byPerson(personId).orElseThrow(() -> new NotFoundException("plan"));
        var v = new Validation().require("supportName", name).maxLength("supportName", name, 200)
                .maxLength("supportPhone", phone, 40);
        SupportRole r = v.enumValue("supportRole", role, SupportRole.class, true);
        v.throwIfInvalid();
        plans.addSupportPerson(plan.id(), name.strip(), r, blankToNull(phone), actor.userId());
        audit.record(actor, personId, AuditAction.UPDATE, view.basis(), "plan " + plan.id() + " stödperson");
    }

    /** Records that the plan was reviewed and sets the next review date. */
    @Transactional
    public void recordReview(Actor actor, UUID personId, String heldOn, String note, String nextReviewOn) {
        PlanAccess.View view = access.sharedView(actor, personId);
        Plan plan = plans.byPerson(personId).orElseThrow(() -> new NotFoundException("plan"));
        var v = new Validation().maxLength("reviewNote", note, TEXT_MAX);
        LocalDate held = v.date("reviewHeldOn", heldOn, true, today());
        LocalDate next = v.date("nextReviewOn", nextReviewOn, false, null);
        if (held != null && next != null && !next.isAfter(held)) {
            v.reject("nextReviewOn", "plan.nextReviewAfterReview");
        }
        v.throwIfInvalid();
        plans.addReview(plan.id(), held, blankToNull(note), next, actor.userId());
        plans.setNextReview(plan.id(), next, actor.userId());
        journey.record(personId, actor.organisationId(), actor.userId(), held, JourneyKind.UPPFOLJNING,
                note == null ? "" : note.strip(), null, false, plan.id());
        audit.record(actor, personId, AuditAction.UPDATE, view.basis(), "plan " + plan.id() + " uppföljning");
    }

    /** A contact with the young person (a talk, a call), on the journey of the actor's organisation. */
    @Transactional
    public void recordContact(Actor actor, UUID personId, String occurredOn, String note, boolean confidential) {
        PlanAccess.View view = access.view(actor, personId);
        var v = new Validation().require("contactNote", note).maxLength("contactNote", note, TEXT_MAX);
        LocalDate on = v.date("contactOn", occurredOn, true, today());
        v.throwIfInvalid();
        journey.record(personId, actor.organisationId(), actor.userId(), on, JourneyKind.KONTAKT, note.strip(), null,
                confidential, null);
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "kontakt");
    }

    /**
     * A group activity the young people took part in, on each one's journey (the actor's organisation's): all or
     * none, so one person the actor may not reach refuses the whole registration.
     */
    @Transactional
    public int recordGroupActivity(Actor actor, List<UUID> personIds, String occurredOn, String note) {
        var v = new Validation().require("groupNote", note).maxLength("groupNote", note, TEXT_MAX);
        LocalDate on = v.date("groupOn", occurredOn, true, today());
        if (personIds.isEmpty()) {
            v.reject("groupParticipants", "plan.groupActivity.noneChosen");
        }
        v.throwIfInvalid();
        List<UUID> distinct = personIds.stream().distinct().toList();
        for (UUID personId : distinct) {
            PlanAccess.View view = access.view(actor, personId);
            journey.record(personId, actor.organisationId(), actor.userId(), on, JourneyKind.GRUPPAKTIVITET,
                    note.strip(), null, false, null);
            audit.record(actor, personId, AuditAction.CREATE, view.basis(), "gruppaktivitet");
        }
        return distinct.size();
    }

    /** Users of the actor's organisation who can be named responsible for a step or coordinate the plan. */
    @Transactional(readOnly = true)
    /** The staff the actor may name on the plan: their unit's, and whoever is named already ({@code also}). */
    public List<UserAccount> colleagues(Actor actor, Long... also) {
        return users.colleaguesOf(actor.userId(), Arrays.stream(also).filter(Objects::nonNull).toList());
    }

    private Plans.StepValues checked(StepInput in, Plan plan, Actor actor, UUID stepId) {
        var v = new Validation().require("title", in.title()).maxLength("title", in.title(), 200);
        for (var f : List.of(Map.entry("how", nz(in.how())), Map.entry("why", nz(in.why())),
                Map.entry("nextStep", nz(in.nextStep())), Map.entry("obstacles", nz(in.obstacles())))) {
            v.maxLength(f.getKey(), f.getValue(), TEXT_MAX);
        }
        v.maxLength("contactName", in.contactName(), 200);
        Long trackId = null;
        if (in.trackId() == null || in.trackId().isBlank()) {
            v.reject("trackId", "validation.required");
        } else {
            var tracks = plans.tracks(plan.id()).stream().map(Plans.TrackRow::id).collect(Collectors.toSet());
            try {
                trackId = Long.valueOf(in.trackId().strip());
                if (!tracks.contains(trackId)) {
                    v.reject("trackId", "step.unknownTrack");
                }
            } catch (NumberFormatException e) {
                v.reject("trackId", "validation.invalidValue");
            }
        }
        ResponsibleParty party = v.enumValue("responsibleParty", in.responsibleParty(), ResponsibleParty.class, true);
        StepStatus status = v.enumValue("status", in.status() == null ? "PLANERAD" : in.status(), StepStatus.class,
                true);
        LocalDate starts = v.date("startsOn", in.startsOn(), false, null);
        LocalDate due = v.date("dueOn", in.dueOn(), false, null);
        if (starts != null && due != null && due.isBefore(starts)) {
            v.reject("dueOn", "step.dueBeforeStart");
        }
        if (status == StepStatus.AVBRUTEN && (in.cancelReason() == null || in.cancelReason().isBlank())) {
            v.reject("cancelReason", "step.cancelReasonRequired");
        }
        Long responsible = staffMember(v, "responsibleUserId", in.responsibleUserId(), actor);
        var depends = new ArrayList<UUID>();
        var inPlan = plans.visibleSteps(plan.id(), actor.organisationId(), true).stream().map(PlanStep::id)
                .collect(Collectors.toSet());
        for (String d : in.dependsOn() == null ? List.<String>of() : in.dependsOn()) {
            if (d == null || d.isBlank()) {
                continue;
            }
            try {
                UUID id = UUID.fromString(d.strip());
                if (id.equals(stepId) || !inPlan.contains(id)) {
                    v.reject("dependsOn", "step.unknownDependency");
                } else {
                    depends.add(id);
                }
            } catch (IllegalArgumentException e) {
                v.reject("dependsOn", "step.unknownDependency");
            }
        }
        v.throwIfInvalid();
        return new Plans.StepValues(trackId, responsible, blankToNull(in.contactName()), party, in.title().strip(),
                blankToNull(in.how()), blankToNull(in.why()), blankToNull(in.nextStep()), blankToNull(in.obstacles()),
                starts, due, status, status == StepStatus.AVBRUTEN ? in.cancelReason().strip() : null,
                in.isConfidential(), List.copyOf(new HashSet<>(depends)));
    }

    /** An active user who works with young persons; in the actor's organisation when {@code sameAs} is given. */
    private Long staffMember(Validation v, String field, String value, Actor sameAs) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            var user = users.byId(id).filter(UserAccount::active).filter(u -> u.role().readsPersonalData())
                    .filter(u -> sameAs == null || u.organisationId().equals(sameAs.organisationId()));
            if (user.isEmpty()) {
                v.reject(field, "step.unknownStaff");
                return null;
            }
            return id;
        } catch (NumberFormatException e) {
            v.reject(field, "validation.invalidValue");
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
