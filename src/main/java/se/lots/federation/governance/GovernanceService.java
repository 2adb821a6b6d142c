package se.lots.federation.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.GrantDecided;
import se.lots.federation.application.Application;
import se.lots.federation.application.ApplicationChoices;
import se.lots.federation.application.ApplicationService;
import se.lots.federation.application.ApplicationStatus;
import se.lots.federation.application.BoardDecision;
import se.lots.federation.application.Kronor;
import se.lots.federation.application.DecisionOutcome;
import se.lots.federation.application.YearAmount;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/**
 * The förbund's governance meetings and the board's decisions, all by the officer of the förbund (anyone else 403). A
 * meeting is edited (participants, agenda, statements, minutes) from the version the officer saw until its minutes
 * are approved; then it is locked. Only the board decides, only on an application on the meeting's agenda; a decision
 * is never edited, a later one supersedes it; a decision that grants money publishes {@link GrantDecided} per year in
 * the deciding transaction.
 */
@Service
public class GovernanceService {

    private static final int TEXT_MAX = 20_000;
    private static final int SHORT_MAX = 200;

    private final GovernanceMeetings meetings;
    private final ApplicationService applications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GovernanceService(GovernanceMeetings meetings, ApplicationService applications, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.meetings = meetings;
        this.applications = applications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The officer's förbund's meetings, newest first. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> meetings(Actor actor) {
        applications.requireOfficer(actor);
        return meetings.ofFederation(actor.organisationId());
    }

    /** One meeting of the officer's förbund, with its participants, agenda and the decisions on each item. */
    @Transactional(readOnly = true)
    public GovernanceMeeting meeting(Actor actor, long id) {
        return whole(actor, found(actor, id, false));
    }

    /** What the meeting page offers: the förbund's open applications, programmes and organisations. */
    @Transactional(readOnly = true)
    public Options options(Actor actor) {
        return new Options(applications.openOfFederation(actor), applications.programmesOfFederation(actor),
                applications.organisationsOfFederation(actor));
    }

    public record Options(List<se.lots.federation.application.ApplicationSummary> applications,
            List<ApplicationChoices.Choice> programmes, List<ApplicationChoices.MemberChoice> organisations) {
    }

    @Transactional
    public GovernanceMeeting create(Actor actor, GovernanceMeetingInput input) {
        applications.requireOfficer(actor);
        var v = new Validation();
        GoverningBody body = v.enumValue("body", input.body(), GoverningBody.class, true);
        LocalDate heldOn = v.date("heldOn", input.heldOn(), true, null);
        LocalTime startsAt = time(v, "startsAt", input.startsAt(), true);
        LocalTime endsAt = time(v, "endsAt", input.endsAt(), false);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            v.reject("endsAt", "federation.governance.endsBeforeStart");
        }
        String place = ApplicationService.text(v, "place", input.place(), true, SHORT_MAX);
        v.throwIfInvalid();
        long id = meetings.insert(actor.organisationId(), body, heldOn, startsAt, endsAt, place, actor.userId(),
                clock.instant());
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "förbundssammanträde " + id);
        return meeting(actor, id);
    }

    @Transactional
    public GovernanceMeeting addParticipant(Actor actor, long id, ParticipantInput input) {
        GovernanceMeeting m = editable(actor, id, input.version());
        var v = new Validation();
        String name = ApplicationService.text(v, "name", input.name(), true, SHORT_MAX);
        String role = ApplicationService.text(v, "role", input.role(), false, SHORT_MAX);
        OrganisationId organisation = null;
        if (input.organisationId() == null || input.organisationId().isBlank()) {
            v.reject("organisationId", "validation.required");
        } else {
            organisation = applications.organisationsOfFederation(actor).stream()
                    .map(ApplicationChoices.MemberChoice::id)
                    .filter(o -> String.valueOf(o.value()).equals(input.organisationId().strip())).findFirst()
                    .orElse(null);
            if (organisation == null) {
                v.reject("organisationId", "federation.governance.participantNotMember");
            }
        }
        if (input.present() == null) {
            v.reject("present", "validation.required");
        }
        v.throwIfInvalid();
        meetings.addParticipant(m.id(), name, organisation, role, input.present());
        meetings.touch(m.id(), m.version());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundssammanträde " + id + " deltagare");
        return meeting(actor, id);
    }

    @Transactional
    public GovernanceMeeting addItem(Actor actor, long id, AgendaItemInput input) {
        GovernanceMeeting m = editable(actor, id, input.version());
        var v = new Validation();
        String heading = ApplicationService.text(v, "heading", input.heading(), true, SHORT_MAX);
        Long applicationId = number(v, "applicationId", input.applicationId());
        Long programmeId = number(v, "programmeId", input.programmeId());
        if (applicationId != null) {
            Application a = applications.lockForOfficer(actor, applicationId);
            if (a.status() == ApplicationStatus.ATERKALLAD) {
                v.reject("applicationId", "federation.governance.applicationWithdrawn", a.title());
            }
        }
        if (programmeId != null && applications.programmesOfFederation(actor).stream()
                .noneMatch(p -> p.id() == programmeId)) {
            v.reject("programmeId", "federation.application.programmeNotFederations");
        }
        v.throwIfInvalid();
        meetings.addItem(m.id(), heading, applicationId, programmeId);
        meetings.touch(m.id(), m.version());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundssammanträde " + id + " ärende" + (applicationId == null ? "" : " ansökan " + applicationId));
        return meeting(actor, id);
    }

    @Transactional
    public GovernanceMeeting recordItemMinutes(Actor actor, long id, long itemId, ItemMinutesInput input) {
        GovernanceMeeting m = editable(actor, id, input.version());
        var v = new Validation();
        String statement = ApplicationService.text(v, "statement", input.statement(), false, TEXT_MAX);
        String minutes = ApplicationService.text(v, "minutes", input.minutes(), false, TEXT_MAX);
        v.throwIfInvalid();
        if (!meetings.setItemMinutes(m.id(), itemId, statement, minutes)) {
            throw new NotFoundException("agenda item " + itemId);
        }
        meetings.touch(m.id(), m.version());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundssammanträde " + id + " protokoll ärende " + itemId);
        return meeting(actor, id);
    }

    /** Approves (justerar) the minutes: the meeting is locked from now on. */
    @Transactional
    public GovernanceMeeting approve(Actor actor, long id, Integer version) {
        GovernanceMeeting m = editable(actor, id, version);
        meetings.approve(m.id(), actor.userId(), clock.instant());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundssammanträde " + id + " protokoll justerat");
        return meeting(actor, id);
    }

    /**
     * The board's decision on an application on this meeting's agenda. Refused (naming the field) at a council or
     * steering-group meeting, for an application not on the agenda, with amounts that do not fit the outcome or the
     * application; a conflict when the meeting is locked, the application withdrawn, or another decision was
     * recorded since the officer looked ({@code currentDecisionId}).
     */
    @Transactional
    public BoardDecision decide(Actor actor, long id, DecisionInput input) {
        GovernanceMeeting m = found(actor, id, true);
        if (m.locked()) {
            throw new ConflictException("federation.governance.locked", id);
        }
        var v = new Validation();
        if (m.body() != GoverningBody.BOARD) {
            v.reject("outcome", "federation.governance.decision.onlyBoard");
            v.throwIfInvalid();
        }
        Long applicationId = number(v, "applicationId", input.applicationId());
        if (applicationId == null && !v.hasErrors("applicationId")) {
            v.reject("applicationId", "validation.required");
        }
        v.throwIfInvalid();
        GovernanceMeeting.AgendaItem item = meetings.items(m.id()).stream()
                .filter(i -> applicationId.equals(i.applicationId())).findFirst().orElse(null);
        if (item == null) {
            throw new InvalidInputException("applicationId", "federation.governance.decision.notOnAgenda",
                    applicationId);
        }
        Application a = applications.lockForOfficer(actor, applicationId);
        if (a.status() == ApplicationStatus.ATERKALLAD) {
            throw new ConflictException("federation.application.notOpen", applicationId);
        }
        BoardDecision current = a.currentDecision();
        if (!Objects.equals(current == null ? null : current.id(), input.currentDecisionId())) {
            throw new ConflictException("federation.governance.decision.changed", applicationId, current);
        }
        DecisionOutcome outcome = v.enumValue("outcome", input.outcome(), DecisionOutcome.class, true);
        List<YearAmount> grants = grants(v, input.grants(), outcome, a);
        String conditions = ApplicationService.text(v, "conditions", input.conditions(), false, TEXT_MAX);
        List<LocalDate> reporting = reportingDates(v, input.reportingDates(), outcome, m.heldOn());
        v.throwIfInvalid();
        long decision = meetings.insertDecision(a.id(), item.id(), outcome.name(), m.heldOn(), conditions,
                current == null ? null : current.id(), actor.userId(), clock.instant(), grants, reporting);
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "beslut " + decision + " ("
                + outcome + ") om förbundsansökan " + a.id() + " vid sammanträde " + id);
        for (YearAmount g : grants) {
            events.publishEvent(new GrantDecided(a.federationId().value(), decision, a.id(), a.programmeId(),
                    g.year(), g.amount(), m.heldOn()));
        }
        return applications.lockForOfficer(actor, a.id()).decisions().stream().filter(d -> d.id() == decision)
                .findFirst().orElseThrow();
    }

    private static List<YearAmount> grants(Validation v, List<DecisionInput.GrantLine> lines, DecisionOutcome outcome,
            Application a) {
        List<DecisionInput.GrantLine> given = lines == null ? List.of() : lines;
        var grants = new ArrayList<YearAmount>();
        Set<Integer> years = new HashSet<>();
        boolean any = false;
        for (int i = 0; i < given.size(); i++) {
            var line = given.get(i);
            if (line == null || (blank(line.year()) && blank(line.amount()))) {
                continue;
            }
            any = true;
            if (outcome == null || !outcome.grants()) {
                continue;
            }
            String field = "grants[" + i + "]";
            Integer year = Kronor.year(v, field + ".year", line.year(), a.periodFrom(), a.periodTo(), years);
            BigDecimal amount = Kronor.parse(v, field + ".amount", line.amount(), true, false);
            if (year != null && amount != null) {
                grants.add(new YearAmount(year, amount));
            }
        }
        if (outcome != null && !outcome.grants() && any) {
            v.reject("grants", "federation.governance.decision.amountOnlyWhenGranting");
        }
        if (outcome != null && outcome.grants()) {
            if (!any) {
                v.reject("grants[0].amount", "federation.governance.decision.amountRequired");
            }
            BigDecimal total = grants.stream().map(YearAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (outcome == DecisionOutcome.PARTLY_GRANTED && total.compareTo(a.budgetTotal()) >= 0) {
                v.reject("grants", "federation.application.partlyBelowBudget", a.budgetTotal().toPlainString());
            } else if (outcome == DecisionOutcome.GRANTED && total.compareTo(a.budgetTotal()) > 0) {
                v.reject("grants", "federation.governance.decision.aboveBudget", a.budgetTotal().toPlainString());
            }
        }
        grants.sort(java.util.Comparator.comparingInt(YearAmount::year));
        return grants;
    }

    private static List<LocalDate> reportingDates(Validation v, List<String> texts, DecisionOutcome outcome,
            LocalDate decidedOn) {
        var dates = new TreeSet<LocalDate>();
        List<String> given = texts == null ? List.of() : texts;
        for (int i = 0; i < given.size(); i++) {
            LocalDate d = v.date("reportingDates[" + i + "]", given.get(i), false, null);
            if (d != null && d.isBefore(decidedOn)) {
                v.reject("reportingDates[" + i + "]", "federation.governance.decision.reportBeforeDecision",
                        decidedOn.toString());
            } else if (d != null) {
                dates.add(d);
            }
        }
        if (outcome != null && outcome.grants() && dates.isEmpty() && !v.hasErrors("reportingDates[0]")) {
            v.reject("reportingDates[0]", "federation.governance.decision.reportingRequired");
        }
        return List.copyOf(dates);
    }

    /** The meeting for an edit: the officer's, not locked, at the version the officer saw (else a conflict). */
    private GovernanceMeeting editable(Actor actor, long id, Integer version) {
        GovernanceMeeting m = found(actor, id, true);
        if (m.locked()) {
            throw new ConflictException("federation.governance.locked", id);
        }
        if (version == null) {
            throw new se.lots.shared.VersionRequiredException();
        }
        if (m.version() != version) {
            throw new ConflictException("federation.governance.changedMeanwhile", id, whole(actor, m));
        }
        return m;
    }

    private GovernanceMeeting found(Actor actor, long id, boolean lock) {
        applications.requireOfficer(actor);
        GovernanceMeeting m = meetings.find(id, lock).orElseThrow(() -> new NotFoundException("meeting " + id));
        applications.requireOfficerOf(actor, m.federationId());
        return m;
    }

    private GovernanceMeeting whole(Actor actor, GovernanceMeeting m) {
        var items = new ArrayList<GovernanceMeeting.AgendaItem>();
        for (var i : meetings.items(m.id())) {
            List<BoardDecision> all = i.applicationId() == null ? List.of()
                    : applications.application(actor, i.applicationId()).decisions();
            items.add(new GovernanceMeeting.AgendaItem(i.id(), i.position(), i.heading(), i.applicationId(),
                    i.applicationTitle(), i.programmeId(), i.programmeName(), i.statement(), i.minutes(),
                    all.stream().filter(d -> d.agendaItemId() == i.id()).toList(),
                    all.isEmpty() ? null : all.get(all.size() - 1).id()));
        }
        return new GovernanceMeeting(m.id(), m.federationId(), m.federationName(), m.body(), m.heldOn(), m.startsAt(),
                m.endsAt(), m.place(), m.createdByName(), m.approvedByName(), m.approvedAt(), m.version(),
                meetings.participants(m.id()), List.copyOf(items));
    }

    private static LocalTime time(Validation v, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return LocalTime.parse(text.strip().replace('.', ':'));
        } catch (DateTimeParseException e) {
            v.reject(field, "federation.governance.time");
            return null;
        }
    }

    private static Long number(Validation v, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            v.reject(field, "validation.invalidValue");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
