package se.lots.plan.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.Consent;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;
import se.lots.plan.JourneyKind;
import se.lots.plan.PlanAccess;
import se.lots.plan.PlanService;
import se.lots.plan.StepInput;
import se.lots.plan.journey.Journey;
import se.lots.plan.plans.Plan;
import se.lots.plan.plans.Plans;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.InvalidValueException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * SIP and other meetings about the young person's plan. A meeting is called by an organisation with a shared view of
 * the plan and is convened by the actor's organisation. <strong>Every kind of meeting</strong>, not only SIP, needs,
 * for each participating organisation other than the record's holder, an active consent from the holder with scope
 * PLAN: the other organisations see the meeting and its decisions only through consent, so a meeting they could not
 * see afterwards is refused up front, naming the organisations that lack consent. The consent covering each
 * organisation is stored with the meeting. Minutes are written by the convening organisation only; each decision
 * becomes a plan step of that organisation pointing at the meeting, all or nothing.
 */
@Service
public class MeetingService {

    private static final int TEXT_MAX = 8000;

    private final PlanAccess access;
    private final PlanService planService;
    private final Plans plans;
    private final Meetings meetings;
    private final Journey journey;
    private final ConsentService consents;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;

    MeetingService(PlanAccess access, PlanService planService, Plans plans, Meetings meetings, Journey journey,
            ConsentService consents, UserAccounts users, AuditLog audit, Clock clock) {
        this.access = access;
        this.planService = planService;
        this.plans = plans;
        this.meetings = meetings;
        this.journey = journey;
        this.consents = consents;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** For each organisation, whether an active PLAN consent from the record's holder covers it (the holder needs none). */
    @Transactional(readOnly = true)
    public CoverageCheck consentCoverage(Actor actor, UUID personId, List<OrganisationId> organisationIds) {
        PlanAccess.View view = access.sharedView(actor, personId);
        return coverage(view.holderOrganisationId(), personId, organisationIds);
    }

    private CoverageCheck coverage(OrganisationId holder, UUID personId, List<OrganisationId> organisationIds) {
        LocalDate today = today();
        List<Consent> active = consents.forPerson(personId).stream()
                .filter(c -> c.activeOn(today) && c.scope().contains(ConsentScope.PLAN)
                        && c.fromOrganisationId().equals(holder))
                .toList();
        var names = meetings.organisationNames(new LinkedHashSet<>(organisationIds));
        var covered = new ArrayList<Meeting.Party>();
        var missing = new ArrayList<Meeting.Party>();
        names.forEach((org, name) -> {
            if (org.equals(holder)) {
                covered.add(new Meeting.Party(org, name, null));
                return;
            }
            active.stream().filter(c -> c.toOrganisationId().equals(org)).findFirst().ifPresentOrElse(
                    c -> covered.add(new Meeting.Party(org, name, c.id())),
                    () -> missing.add(new Meeting.Party(org, name, null)));
        });
        return new CoverageCheck(holder, covered, missing);
    }

    /** Calls a meeting convened by the actor's organisation; refused when a participant lacks consent. */
    @Transactional
    public Meeting create(Actor actor, UUID personId, MeetingInput input) {
        PlanAccess.View view = access.writingView(actor, personId);
        var v = new Validation();
        MeetingKind kind = v.enumValue("kind", input.kind(), MeetingKind.class, true);
        LocalDate heldOn = v.date("heldOn", input.heldOn(), true, null);
        v.maxLength("minutes", input.minutes(), TEXT_MAX);
        var orgIds = new LinkedHashSet<OrganisationId>();
        orgIds.add(actor.organisationId());
        for (String s : input.organisationIds() == null ? List.<String>of() : input.organisationIds()) {
            if (s == null || s.isBlank()) {
                continue;
            }
            try {
                orgIds.add(new OrganisationId(Long.parseLong(s.strip())));
            } catch (NumberFormatException | InvalidValueException e) {
                v.reject("organisations", "validation.invalidValue");
            }
        }
        var participants = input.participants() == null ? List.<Meeting.Participant>of() : input.participants();
        for (int i = 0; i < participants.size(); i++) {
            var p = participants.get(i);
            v.require("participants[" + i + "].name", p.name()).maxLength("participants[" + i + "].name", p.name(),
                    200);
            if (p.organisationId() != null && !orgIds.contains(p.organisationId())) {
                v.reject("participants[" + i + "].organisationId", "meeting.participantOrganisation");
            }
        }
        v.throwIfInvalid();
        CoverageCheck check = coverage(view.holderOrganisationId(), personId, List.copyOf(orgIds));
        if (check.covered().size() + check.missing().size() != orgIds.size()) {
            throw new InvalidInputException("organisations", "validation.invalidValue");
        }
        if (!check.complete()) {
            throw new InvalidInputException("organisations", "meeting.consentMissing", check.missingNames());
        }
        Plan plan = plans.byPerson(personId).orElseGet(() -> planService.create(actor, personId));
        UUID id = meetings.insert(personId, plan.id(), kind, heldOn, actor.organisationId(),
                Boolean.TRUE.equals(input.youngPersonPresent()), Boolean.TRUE.equals(input.guardianPresent()),
                PlanService.blankToNull(input.minutes()), actor.userId());
        check.covered().forEach(party -> meetings.addOrganisation(id, party.organisationId(), party.consentId()));
        participants.forEach(p -> meetings.addParticipant(id, p));
        journey.record(personId, actor.organisationId(), actor.userId(), heldOn, JourneyKind.MOTE,
                firstLine(input.minutes()), kind.name(), false, id);
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "möte " + id);
        return meetings.byId(id).orElseThrow();
    }

    /**
     * Records the minutes of a meeting of the actor's organisation; each decision becomes a plan step pointing at the
     * meeting. Refused, with nothing saved, when a decision is wrong (fields {@code decisions[i].title} …) or when
     * someone saved the minutes after {@code version}.
     */
    @Transactional
    public Meeting recordMinutes(Actor actor, UUID meetingId, String minutes, String nextMeetingOn,
            String coordinatorUserId, List<StepInput> decisions, Integer version) {
        Meeting meeting = meetings.byId(meetingId).orElseThrow(() -> new NotFoundException("meeting"));
        PlanAccess.View view = access.sharedView(actor, meeting.personId());
        if (!meeting.organisationId().equals(actor.organisationId())) {
            throw new AccessDeniedException("minutes are written by the convening organisation");
        }
        var v = new Validation().maxLength("minutes", minutes, TEXT_MAX);
        LocalDate next = v.date("nextMeetingOn", nextMeetingOn, false, null);
        if (next != null && !next.isAfter(meeting.heldOn())) {
            v.reject("nextMeetingOn", "meeting.nextAfterHeld");
        }
        Long coordinator = colleague(v, actor, coordinatorUserId);
        v.throwIfInvalid();
        int expected = Versions.required(version, null);
        if (!meetings.recordMinutes(meetingId, PlanService.blankToNull(minutes), next, coordinator, expected)) {
            throw new ConflictException("meeting.stale", meetingId, meetings.byId(meetingId).orElseThrow());
        }
        var errors = new ArrayList<FieldError>();
        var list = decisions == null ? List.<StepInput>of() : decisions;
        for (int i = 0; i < list.size(); i++) {
            try {
                planService.addStep(actor, meeting.personId(), list.get(i), meetingId);
            } catch (InvalidInputException e) {
                String prefix = "decisions[" + i + "].";
                e.errors().forEach(f -> errors.add(new FieldError(prefix + f.field(), f.messageKey(), f.arguments())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors); // rolls back the minutes and every step added above
        }
        if (coordinator != null) {
            Plan plan = plans.byPerson(meeting.personId()).orElseThrow();
            plans.update(plan.id(), plan.goal(), plan.strengths(), coordinator, plan.nextReviewOn(), plan.version(),
                    actor.userId());
        }
        journey.record(meeting.personId(), actor.organisationId(), actor.userId(), LocalDate.now(clock),
                JourneyKind.MOTE, firstLine(minutes), "PROTOKOLL", false, meetingId);
        audit.record(actor, meeting.personId(), AuditAction.UPDATE, view.basis(), "möte " + meetingId + " protokoll");
        return meetings.byId(meetingId).orElseThrow();
    }

    /** The meetings the actor may see: every meeting on a shared view, else only the own organisation's. */
    @Transactional
    public List<Meeting> forPerson(Actor actor, UUID personId) {
        PlanAccess.View view = access.view(actor, personId);
        List<Meeting> list = meetings.forPerson(view);
        audit.record(actor, personId, AuditAction.READ, view.basis(), "möten");
        return list;
    }

    /** One meeting as the actor may see it. */
    @Transactional
    public Meeting meeting(Actor actor, UUID meetingId) {
        Meeting meeting = meetings.byId(meetingId).orElseThrow(() -> new NotFoundException("meeting"));
        PlanAccess.View view = access.view(actor, meeting.personId());
        if (!view.shows(meeting.organisationId(), false)) {
            throw new AccessDeniedException("meeting not visible");
        }
        audit.record(actor, meeting.personId(), AuditAction.READ, view.basis(), "möte " + meetingId);
        return meeting;
    }

    private Long colleague(Validation v, Actor actor, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            boolean ok = users.byId(id).filter(UserAccount::active).filter(u -> u.role().readsPersonalData())
                    .filter(u -> u.organisationId().equals(actor.organisationId())).isPresent();
            if (!ok) {
                v.reject("coordinatorUserId", "step.unknownStaff");
                return null;
            }
            return id;
        } catch (NumberFormatException e) {
            v.reject("coordinatorUserId", "validation.invalidValue");
            return null;
        }
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
