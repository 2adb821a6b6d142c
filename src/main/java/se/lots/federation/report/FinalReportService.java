package se.lots.federation.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.report.FinalReport.FinalReportGoal;
import se.lots.federation.report.FinalReport.FinalReportParty;
import se.lots.federation.report.FinalReport.FinalReportSignature;
import se.lots.federation.report.FinalReport.Status;
import se.lots.federation.report.FinalReport.FinalReportTexts;
import se.lots.federation.report.FinalReportInput.FinalReportGoalLine;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalResult;
import se.lots.progression.ProgrammeGoal;
import se.lots.progression.ReportTable;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.Validation;

/**
 * A programme's final report to its förbund (seed 002). Who:
 * <ul>
 * <li>the programme lead (PROGRAMME_LEAD) of the owner organisation writes it, submits it, takes it back while not
 * locked, and records the signature of a party that has no programme lead in Lots;</li>
 * <li>a programme lead of each participating organisation (the owner's included) approves it for that party — the
 * programme lead and not a case worker, because the signature commits the organisation (seed: "Insatsägare",
 * "Samverkanspart"), as the lead does in the application;</li>
 * <li>the förbund officer of the programme's förbund reads it, with the figures suppressed;</li>
 * <li>anyone else: {@link AccessDeniedException}.</li>
 * </ul>
 * Once every party has approved, the report is locked: the service refuses every change (409) and V77's triggers
 * refuse it in the database. Figures come from the progression module's funder report for the programme's whole
 * period: exact for the lead's own organisation while drafting; from submission on, the suppressed figures frozen into
 * the report are what everyone sees, approves and downloads.
 */
@Service
public class FinalReportService {

    private static final int MAX_TEXT = 20_000;
    private static final int MAX_NAME = 200;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** How the actor stands to a programme's report. */
    enum Access { LEAD, OFFICER, PARTY }

    private final FinalReports reports;
    private final FinalReportsDue due;
    private final FunderReportService funderReports;
    private final UserAccounts users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    FinalReportService(FinalReports reports, FinalReportsDue due, FunderReportService funderReports,
            UserAccounts users, AuditLog audit, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.due = due;
        this.funderReports = funderReports;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** The reports due, for a förbund officer (their förbund's) or a programme lead (their organisation's). */
    @Transactional(readOnly = true)
    public List<FinalReportDue> due(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        if (actor.role() == Role.FEDERATION_OFFICER) {
            return due.ofFederation(actor.organisationId(), today);
        }
        if (actor.role() == Role.PROGRAMME_LEAD) {
            return due.ofOrganisation(actor.organisationId(), today);
        }
        throw new AccessDeniedException("final reports are for the förbund and the programme leads");
    }

    /** The report as the actor may read it: live figures for the lead and the officer while drafting. */
    @Transactional
    public FinalReport report(Actor actor, long programmeId, Locale locale) {
        return read(actor, programmeId, locale, false);
    }

    /** The report that leaves Lots (PDF, xlsx, API): the figures always suppressed. */
    @Transactional
    public FinalReport reportForDownload(Actor actor, long programmeId, Locale locale) {
        return read(actor, programmeId, locale, true);
    }

    private FinalReport read(Actor actor, long programmeId, Locale locale, boolean download) {
        FinalReports.Facts facts = facts(programmeId);
        List<FinalReports.PartyRow> parties = reports.parties(programmeId, facts.ownerId());
        Access access = access(actor, facts, parties);
        Optional<FinalReports.Row> row = reports.row(programmeId);
        FinalReportFigures figures;
        if (row.isPresent() && row.get().status() != Status.DRAFT) {
            figures = FinalReports.figures(row.get().figures());
        } else if (access == Access.PARTY) {
            figures = null;
        } else {
            var period = period(facts);
            FunderReport funder = funderReports.wholeProgrammeReport(actor, programmeId, period, download, locale);
            figures = figures(funder, locale);
        }
        audit.record(actor, null, download ? AuditAction.EXPORT : AuditAction.READ, AccessBasis.OWN_ORGANISATION,
                "slutrapport program " + programmeId);
        return assemble(facts, parties, row, figures, access == Access.PARTY ? List.of()
                : funderReports.goals(actor, programmeId), locale);
    }

    /** Whether the actor writes the report's texts (the owner's programme lead, while it is a draft). */
    public static boolean edits(Actor actor, FinalReport r) {
        return r.draft() && isLead(actor, r.ownerId());
    }

    /** The party the actor approves for now: their organisation, if a party that has not signed a submitted report. */
    public static Optional<FinalReportParty> approvesFor(Actor actor, FinalReport r) {
        if (r.status() != Status.SUBMITTED || actor.role() != Role.PROGRAMME_LEAD) {
            return Optional.empty();
        }
        return r.parties().stream().filter(p -> p.organisationId().equals(actor.organisationId()) && !p.signed())
                .findFirst();
    }

    /** The parties without users whose signature the owner's lead may record now. */
    public static List<FinalReportParty> recordsFor(Actor actor, FinalReport r) {
        if (r.status() != Status.SUBMITTED || !isLead(actor, r.ownerId())) {
            return List.of();
        }
        return r.parties().stream().filter(p -> !p.hasUsers() && !p.signed()).toList();
    }

    @Transactional
    public FinalReport save(Actor actor, long programmeId, FinalReportInput input, Locale locale) {
        FinalReports.Facts facts = requireLead(actor, programmeId);
        List<FinalReports.PartyRow> parties = reports.parties(programmeId, facts.ownerId());
        Optional<FinalReports.Row> row = reports.row(programmeId);
        requireDraft(programmeId, row);
        int version = input.version() == null ? -1 : input.version();
        var v = new Validation();
        FinalReportTexts texts = texts(v, input);
        Set<Long> programmeGoals = funderReports.goals(actor, programmeId).stream().map(ProgrammeGoal::id)
                .collect(Collectors.toSet());
        List<FinalReportGoal> goals = goals(v, input.goals(), programmeGoals);
        Map<Long, String> lessons = lessons(v, input.lessons(), parties);
        v.throwIfInvalid();
        if (row.isEmpty()) {
            if (version != 0) {
                throw stale(programmeId);
            }
            reports.insert(programmeId, actor.userId());
        }
        if (!reports.saveTexts(programmeId, version, texts, actor.userId())) {
            throw stale(programmeId);
        }
        reports.replaceGoals(programmeId, goals);
        reports.replaceLessons(programmeId, lessons);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "slutrapport program " + programmeId);
        return report(actor, programmeId, locale);
    }

    /**
     * The lead hands the report in: every field the förbund needs filled, the figures frozen as published (suppressed),
     * and from now on the parties approve what they see.
     */
    @Transactional
    public FinalReport submit(Actor actor, long programmeId, int version, Locale locale) {
        FinalReports.Facts facts = requireLead(actor, programmeId);
        Optional<FinalReports.Row> row = reports.row(programmeId);
        requireDraft(programmeId, row);
        if (row.isEmpty()) {
            throw new InvalidInputException("purpose", "federation.report.final.saveFirst");
        }
        var v = new Validation();
        FinalReportTexts t = row.get().texts();
        v.require("purpose", blankToNull(t.purpose())).require("equality", blankToNull(t.equality()))
                .require("methods", blankToNull(t.methods())).require("followUp", blankToNull(t.followUp()))
                .require("ordinaryWork", blankToNull(t.ordinaryWork())).require("moneyReturned", t.moneyReturned());
        if (t.moneyReturned() != null && t.moneyReturned().signum() > 0 && blankToNull(t.returnedWhy()) == null) {
            v.reject("returnedWhy", "federation.report.final.returnedWhyRequired");
        }
        List<FinalReportGoal> goals = reports.goals(programmeId);
        if (goals.isEmpty()) {
            v.reject("goals", "federation.report.final.goalsRequired");
        }
        for (int i = 0; i < goals.size(); i++) {
            if (goals.get(i).achieved() == null) {
                v.reject("goals[" + i + "].achieved", "federation.report.final.achievedRequired", i + 1);
            }
            if (blankToNull(goals.get(i).outcome()) == null) {
                v.reject("goals[" + i + "].outcome", "federation.report.final.outcomeRequired", i + 1);
            }
        }
        v.throwIfInvalid();
        FinalReportFigures published = figures(
                funderReports.wholeProgrammeReport(actor, programmeId, period(facts), true, locale), locale);
        if (!reports.submit(programmeId, version, published, actor.userId())) {
            throw stale(programmeId);
        }
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "slutrapport inskickad program " + programmeId);
        return report(actor, programmeId, locale);
    }

    /** The lead takes a submitted report back to draft to mend it: the approvals given so far are void. */
    @Transactional
    public void reopen(Actor actor, long programmeId, int version) {
        requireLead(actor, programmeId);
        Optional<FinalReports.Row> row = reports.row(programmeId);
        requireNotLocked(programmeId, row);
        if (row.isEmpty() || row.get().status() != Status.SUBMITTED || !reports.reopen(programmeId, version,
                actor.userId())) {
            throw stale(programmeId);
        }
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "slutrapport återtagen program " + programmeId);
    }

    /**
     * A programme lead of a participating organisation approves the submitted report (at the version they read) for
     * that party: their name, their work e-mail and today are its signature. The last approval locks it.
     */
    @Transactional
    public FinalReport approve(Actor actor, long programmeId, int version, Locale locale) {
        FinalReports.Facts facts = facts(programmeId);
        List<FinalReports.PartyRow> parties = reports.parties(programmeId, facts.ownerId());
        access(actor, facts, parties);
        boolean party = parties.stream().anyMatch(p -> p.organisationId() == actor.organisationId().value());
        if (actor.role() != Role.PROGRAMME_LEAD || !party) {
            throw new AccessDeniedException("a party's programme lead approves the final report for the party");
        }
        FinalReports.Row row = requireSubmitted(programmeId, version);
        if (reports.signatures(programmeId).stream()
                .anyMatch(s -> s.organisationId() == actor.organisationId().value())) {
            throw new ConflictException("federation.report.final.alreadySigned", programmeId);
        }
        String email = users.byId(actor.userId()).map(u -> u.email()).orElse(null);
        reports.sign(programmeId, actor.organisationId().value(), actor.userId(), null, actor.displayName(), email,
                LocalDate.now(clock));
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "slutrapport godkänd program " + programmeId + " part " + actor.organisationId().value());
        lockIfSigned(actor, programmeId, parties, row);
        return report(actor, programmeId, locale);
    }

    /**
     * The owner's lead records the signature of a party that has no programme lead in Lots (signed on paper or by
     * e-mail): the name, the e-mail and the day it signed.
     */
    @Transactional
    public FinalReport recordSignature(Actor actor, long programmeId, int version, OrganisationId organisation,
            String name, String email, String signedOn, Locale locale) {
        FinalReports.Facts facts = requireLead(actor, programmeId);
        List<FinalReports.PartyRow> parties = reports.parties(programmeId, facts.ownerId());
        FinalReports.Row row = requireSubmitted(programmeId, version);
        var v = new Validation();
        FinalReports.PartyRow party = organisation == null ? null : parties.stream()
                .filter(p -> p.organisationId() == organisation.value()).findFirst().orElse(null);
        if (party == null) {
            v.reject("organisation", "federation.report.final.notAParty");
        } else if (party.hasUsers()) {
            v.reject("organisation", "federation.report.final.partyHasUsers", party.name());
        }
        v.require("signerName", blankToNull(name)).maxLength("signerName", name, MAX_NAME);
        String mail = blankToNull(email);
        if (mail != null && !ContactDetails.isEmailAddress(mail)) {
            v.reject("signerEmail", "validation.email");
        }
        LocalDate on = v.date("signedOn", signedOn, true, LocalDate.now(clock));
        v.throwIfInvalid();
        if (reports.signatures(programmeId).stream().anyMatch(s -> s.organisationId() == organisation.value())) {
            throw new ConflictException("federation.report.final.alreadySigned", programmeId);
        }
        reports.sign(programmeId, organisation.value(), null, actor.userId(), name.strip(), mail, on);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "slutrapport underskrift registrerad program " + programmeId + " part " + organisation.value());
        lockIfSigned(actor, programmeId, parties, row);
        return report(actor, programmeId, locale);
    }

    private void lockIfSigned(Actor actor, long programmeId, List<FinalReports.PartyRow> parties,
            FinalReports.Row row) {
        Set<Long> signed = reports.signatures(programmeId).stream().map(FinalReports.Signed::organisationId)
                .collect(Collectors.toSet());
        if (parties.stream().allMatch(p -> signed.contains(p.organisationId()))) {
            reports.lock(programmeId);
            audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                    "slutrapport låst program " + programmeId);
        }
    }

    // --- access and state ---

    private FinalReports.Facts facts(long programmeId) {
        return reports.facts(programmeId).orElseThrow(() -> new NotFoundException("programme"));
    }

    static Access access(Actor actor, FinalReports.Facts facts, List<FinalReports.PartyRow> parties) {
        long org = actor.organisationId().value();
        if (actor.role() == Role.PROGRAMME_LEAD && org == facts.ownerId()) {
            return Access.LEAD;
        }
        if (actor.role() == Role.FEDERATION_OFFICER && org == facts.federationId()) {
            return Access.OFFICER;
        }
        if (actor.role() == Role.PROGRAMME_LEAD && parties.stream().anyMatch(p -> p.organisationId() == org)) {
            return Access.PARTY;
        }
        throw new AccessDeniedException("a final report is for the programme's parties and its förbund");
    }

    private static boolean isLead(Actor actor, OrganisationId owner) {
        return actor.role() == Role.PROGRAMME_LEAD && actor.organisationId().equals(owner);
    }

    private FinalReports.Facts requireLead(Actor actor, long programmeId) {
        FinalReports.Facts facts = facts(programmeId);
        if (!isLead(actor, new OrganisationId(facts.ownerId()))) {
            throw new AccessDeniedException("the programme lead of the owner organisation writes the final report");
        }
        return facts;
    }

    private static void requireNotLocked(long programmeId, Optional<FinalReports.Row> row) {
        if (row.isPresent() && row.get().status() == Status.LOCKED) {
            throw new ConflictException("federation.report.final.locked", programmeId);
        }
    }

    private static void requireDraft(long programmeId, Optional<FinalReports.Row> row) {
        requireNotLocked(programmeId, row);
        if (row.isPresent() && row.get().status() == Status.SUBMITTED) {
            throw new ConflictException("federation.report.final.submittedNoEdit", programmeId);
        }
    }

    private FinalReports.Row requireSubmitted(long programmeId, int version) {
        Optional<FinalReports.Row> row = reports.row(programmeId);
        requireNotLocked(programmeId, row);
        if (row.isEmpty() || row.get().status() != Status.SUBMITTED) {
            throw new ConflictException("federation.report.final.notSubmitted", programmeId);
        }
        if (row.get().version() != version) {
            throw stale(programmeId);
        }
        return row.get();
    }

    private static ConflictException stale(long programmeId) {
        return new ConflictException("federation.report.final.stale", programmeId);
    }

    /** The programme's whole period, up to today while it runs: a fixed period, never one the reader chooses. */
    private FunderReportService.Period period(FinalReports.Facts facts) {
        LocalDate today = LocalDate.now(clock);
        LocalDate to = facts.endsOn() == null || facts.endsOn().isAfter(today) ? today : facts.endsOn();
        return new FunderReportService.Period(facts.startsOn(), to.isBefore(facts.startsOn()) ? facts.startsOn() : to);
    }

    // --- input ---

    private static FinalReportTexts texts(Validation v, FinalReportInput in) {
        String[][] fields = { { "purpose", in.purpose() }, { "equality", in.equality() },
            { "needChange", in.needChange() }, { "targetGroup", in.targetGroup() },
            { "expectedParticipants", in.expectedParticipants() }, { "targetGroupChange", in.targetGroupChange() },
            { "methods", in.methods() }, { "followUp", in.followUp() }, { "ordinaryWork", in.ordinaryWork() },
            { "returnedWhy", in.returnedWhy() }, { "returnedConsequences", in.returnedConsequences() },
            { "experiences", in.experiences() } };
        for (String[] f : fields) {
            v.maxLength(f[0], f[1], MAX_TEXT);
        }
        BigDecimal granted = amount(v, "moneyGranted", in.moneyGranted());
        BigDecimal used = amount(v, "moneyUsed", in.moneyUsed());
        BigDecimal returned = amount(v, "moneyReturned", in.moneyReturned());
        if (granted != null && used != null && used.compareTo(granted) > 0) {
            v.reject("moneyUsed", "federation.report.final.usedAboveGranted");
        } else if (granted != null && used != null && returned != null
                && used.add(returned).compareTo(granted) > 0) {
            v.reject("moneyReturned", "federation.report.final.returnedAboveRest");
        }
        return new FinalReportTexts(blankToNull(in.purpose()), blankToNull(in.equality()), blankToNull(in.needChange()),
                blankToNull(in.targetGroup()), blankToNull(in.expectedParticipants()),
                blankToNull(in.targetGroupChange()), blankToNull(in.methods()), blankToNull(in.followUp()),
                blankToNull(in.ordinaryWork()), granted, used, returned, blankToNull(in.returnedWhy()),
                blankToNull(in.returnedConsequences()), blankToNull(in.experiences()));
    }

    static BigDecimal amount(Validation v, String field, String text) {
        String s = blankToNull(text);
        if (s == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(s.replace("kr", "").replace('\u00a0', ' ').replace(" ", "")
                    .replace(',', '.'));
            if (n.signum() < 0 || n.compareTo(MAX_AMOUNT) >= 0 || n.scale() > 2) {
                v.reject(field, "federation.report.final.amount");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            v.reject(field, "federation.report.final.amount");
            return null;
        }
    }

    private static List<FinalReportGoal> goals(Validation v, List<FinalReportGoalLine> lines, Set<Long> programmeGoals) {
        var goals = new ArrayList<FinalReportGoal>();
        if (lines == null) {
            return goals;
        }
        for (int i = 0; i < lines.size(); i++) {
            FinalReportGoalLine l = lines.get(i);
            String field = "goals[" + i + "]";
            String text = blankToNull(l.goal());
            String outcome = blankToNull(l.outcome());
            String achievedText = blankToNull(l.achieved());
            String linked = blankToNull(l.programmeGoalId());
            if (text == null) {
                if (outcome != null || achievedText != null || linked != null) {
                    v.reject(field + ".goal", "federation.report.final.goalTextRequired", i + 1);
                }
                continue;
            }
            v.maxLength(field + ".goal", text, MAX_TEXT).maxLength(field + ".outcome", outcome, MAX_TEXT);
            Boolean achieved = null;
            if ("JA".equals(achievedText)) {
                achieved = true;
            } else if ("NEJ".equals(achievedText)) {
                achieved = false;
            } else if (achievedText != null) {
                v.reject(field + ".achieved", "validation.invalidValue");
            }
            Long goalId = null;
            if (linked != null) {
                try {
                    goalId = Long.valueOf(linked);
                } catch (NumberFormatException e) {
                    goalId = -1L;
                }
                if (!programmeGoals.contains(goalId)) {
                    v.reject(field + ".programmeGoalId", "federation.report.final.notAProgrammeGoal", i + 1);
                }
            }
            goals.add(new FinalReportGoal(text, achieved, outcome, goalId));
        }
        return goals;
    }

    private static Map<Long, String> lessons(Validation v, Map<Long, String> in,
            List<FinalReports.PartyRow> parties) {
        var lessons = new LinkedHashMap<Long, String>();
        if (in == null) {
            return lessons;
        }
        Set<Long> partyIds = parties.stream().map(FinalReports.PartyRow::organisationId).collect(Collectors.toSet());
        in.forEach((org, text) -> {
            String t = blankToNull(text);
            if (!partyIds.contains(org)) {
                v.reject("lessons", "federation.report.final.notAParty");
            } else if (t != null) {
                v.maxLength("lesson-" + org, t, MAX_TEXT);
                lessons.put(org, t);
            }
        });
        return lessons;
    }

    // --- assembling ---

    private FinalReport assemble(FinalReports.Facts f, List<FinalReports.PartyRow> partyRows,
            Optional<FinalReports.Row> row, FinalReportFigures figures, List<ProgrammeGoal> programmeGoals,
            Locale locale) {
        FinalReportTexts texts = row.map(FinalReports.Row::texts).orElseGet(() -> draftTexts(f, locale));
        List<FinalReportGoal> goals = row.isPresent() ? reports.goals(f.programmeId()) : draftGoals(programmeGoals, locale);
        Map<Long, String> lessons = row.isPresent() ? reports.lessons(f.programmeId()) : Map.of();
        Map<Long, FinalReports.Signed> signed = reports.signatures(f.programmeId()).stream()
                .collect(Collectors.toMap(FinalReports.Signed::organisationId, s -> s));
        List<FinalReportParty> parties = partyRows.stream().map(p -> {
            FinalReports.Signed s = signed.get(p.organisationId());
            return new FinalReportParty(new OrganisationId(p.organisationId()), p.name(), p.organisationId() == f.ownerId(),
                    p.hasUsers(), lessons.get(p.organisationId()),
                    s == null ? null : new FinalReportSignature(s.name(), s.email(), s.signedOn(), s.recorded()));
        }).toList();
        return new FinalReport(f.programmeId(), f.name(), f.caseNumber(), new OrganisationId(f.ownerId()),
                f.ownerName(), new OrganisationId(f.federationId()), f.federationName(), f.startsOn(), f.endsOn(),
                FinalReportsDue.dueOn(f.endsOn()), row.map(FinalReports.Row::status).orElse(Status.DRAFT),
                row.isPresent(), row.map(FinalReports.Row::version).orElse(0), texts, goals, parties, figures,
                row.map(FinalReports.Row::submittedAt).orElse(null),
                row.map(FinalReports.Row::submittedByName).orElse(null));
    }

    /** Until the lead saves, the texts are the application's as the förbund holds them. */
    private FinalReportTexts draftTexts(FinalReports.Facts f, Locale locale) {
        String target = f.targetGroup();
        if (f.ageFrom() != null || f.ageTo() != null) {
            String ages = text("federation.report.final.draftAges", locale,
                    f.ageFrom() == null ? "" : f.ageFrom(), f.ageTo() == null ? "" : f.ageTo());
            target = target == null ? ages : target + "\n" + ages;
        }
        String expected = f.expectedPerYear() == null ? null
                : text("federation.report.final.draftExpected", locale, f.expectedPerYear());
        return new FinalReportTexts(f.purpose(), null, null, target, expected, null, f.method(), null, null, null, null, null,
                null, null, null);
    }

    /** Until the lead saves, one goal per programme goal, linked to it so that its computed value shows. */
    private List<FinalReportGoal> draftGoals(List<ProgrammeGoal> programmeGoals, Locale locale) {
        return programmeGoals.stream().map(g -> new FinalReportGoal(indicatorText(g, locale) + " – "
                + text("federation.report.final.target", locale) + " " + g.target().stripTrailingZeros()
                        .toPlainString(), null, null, g.id())).toList();
    }

    private String indicatorText(ProgrammeGoal g, Locale locale) {
        return messages.getMessage("progression.goal.indicator." + g.indicator().name(),
                new Object[] { g.ageFrom(), g.ageTo(), g.withinMonths() }, locale);
    }

    /** The funder report's figures the final report shows, as it prints them. */
    FinalReportFigures figures(FunderReport r, Locale locale) {
        ReportTable finsam = r.finsam();
        var tables = new ArrayList<FinalReportFigures.FinalReportTable>();
        for (ReportTable t : List.of(r.registered(), r.occupations(), r.incomes(), finsam)) {
            tables.add(table(t));
        }
        var indicators = new ArrayList<FinalReportFigures.FinalReportIndicator>();
        for (GoalResult g : r.goals()) {
            indicators.add(new FinalReportFigures.FinalReportIndicator(g.goal().id(), indicatorText(g.goal(), locale),
                    g.goal().target().stripTrailingZeros().toPlainString(),
                    g.valueHidden() ? ".." : g.value().toPlainString(),
                    g.met() == null ? ".." : text(g.met() ? "federation.report.final.yes"
                            : "federation.report.final.no", locale)));
        }
        // Finsam's first row is the participants in the period, by gender (women, men, other)
        return new FinalReportFigures(r.from(), r.to(), r.suppressed(), finsam.table().rowTotals().get(0).text(),
                finsam.cell(0, 0).text(), finsam.cell(0, 1).text(), tables, indicators);
    }

    private static FinalReportFigures.FinalReportTable table(ReportTable t) {
        var cells = new ArrayList<List<String>>();
        for (int r = 0; r < t.rows().size(); r++) {
            var row = new ArrayList<String>();
            for (int c = 0; c < t.columns().size(); c++) {
                row.add(t.cell(r, c).text());
            }
            cells.add(row);
        }
        return new FinalReportFigures.FinalReportTable(t.key(), t.title(), t.rows(), t.columns(), cells,
                // which totals a table prints is the table's (the Finsam table has none over its measures)
                t.totals() && t.hasRowTotals() ? t.table().rowTotals().stream().map(Cell::text).toList() : null,
                t.totals() && t.hasTotalRow() ? t.table().columnTotals().stream().map(Cell::text).toList() : null,
                t.totals() && t.table().total() != null ? t.table().total().text() : null);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
