package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.FinsamPartiesPolicy;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/**
 * Applications to a förbund and the officer's proposals on them. A programme lead of a member organisation applies for
 * their organisation and sees its applications and the decisions on them; the förbund's officer sees the förbund's
 * applications and prepares proposals; everybody else, another förbund's officer included, gets 403. A submitted
 * application is never edited: the lead may withdraw it before the board decides.
 */
@Service
public class ApplicationService {

    static final int TEXT_MAX = 20_000;
    static final int TITLE_MAX = 200;

    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;

    ApplicationService(Applications applications, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    /** The officer's förbund's applications, or the lead's organisation's, newest first. */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> list(Actor actor) {
        if (isOfficer(actor)) {
            return applications.ofFederation(actor.organisationId());
        }
        if (actor.role() == Role.PROGRAMME_LEAD) {
            return applications.ofApplicant(actor.organisationId());
        }
        throw new AccessDeniedException("only a förbund officer or a programme lead sees applications");
    }

    /** One application: for the officer with its proposals, for the lead of the applicant without them. */
    @Transactional(readOnly = true)
    public Application application(Actor actor, long id) {
        Application a = applications.find(id, true).orElseThrow(() -> new NotFoundException("application " + id));
        requireReader(actor, a);
        return isOfficer(actor) ? a : withoutProposals(a);
    }

    /** Whether the actor may write an application (a programme lead of a member organisation of some förbund). */
    @Transactional(readOnly = true)
    public boolean mayApply(Actor actor) {
        return actor.role() == Role.PROGRAMME_LEAD
                && !applications.federationsOf(actor.organisationId(), LocalDate.now(clock)).isEmpty();
    }

    /** Whether the actor is the officer of a förbund (who prepares proposals and runs meetings). */
    @Transactional(readOnly = true)
    public boolean isOfficer(Actor actor) {
        return actor.role() == Role.FEDERATION_OFFICER && applications.isFederation(actor.organisationId());
    }

    /**
     * What the lead chooses from: the förbunds of their organisation, and for the chosen one (or the only one) its
     * members and Finsam programmes.
     */
    @Transactional(readOnly = true)
    public ApplicationChoices choices(Actor actor, String federationId) {
        requireLead(actor);
        var federations = applications.federationsOf(actor.organisationId(), LocalDate.now(clock));
        if (federations.isEmpty()) {
            throw new AccessDeniedException("the lead's organisation is a member of no förbund");
        }
        var chosen = federations.stream().filter(f -> String.valueOf(f.id()).equals(federationId)).findFirst()
                .orElse(federations.size() == 1 ? federations.get(0) : null);
        if (chosen == null) {
            return new ApplicationChoices(federations, null, List.of(), List.of());
        }
        OrganisationId f = new OrganisationId(chosen.id());
        return new ApplicationChoices(federations, f, applications.members(f, LocalDate.now(clock)),
                applications.programmes(f));
    }

    /** Submits an application: checked field by field (the Finsam rule among them), saved whole or not at all. */
    @Transactional
    public Application submit(Actor actor, ApplicationInput input) {
        requireLead(actor);
        LocalDate today = LocalDate.now(clock);
        var v = new Validation();
        var federations = applications.federationsOf(actor.organisationId(), today);
        if (federations.isEmpty()) {
            throw new AccessDeniedException("the lead's organisation is a member of no förbund");
        }
        OrganisationId federation = null;
        if (input.federationId() == null || input.federationId().isBlank()) {
            if (federations.size() == 1) {
                federation = new OrganisationId(federations.get(0).id());
            } else {
                v.reject("federationId", "validation.required");
            }
        } else {
            federation = federations.stream().filter(f -> String.valueOf(f.id()).equals(input.federationId().strip()))
                    .map(f -> new OrganisationId(f.id())).findFirst().orElse(null);
            if (federation == null) {
                v.reject("federationId", "federation.application.notMember");
            }
        }
        ApplicationKind kind = v.enumValue("kind", input.kind(), ApplicationKind.class, true);
        String title = text(v, "title", input.title(), true, TITLE_MAX);
        String purpose = text(v, "purpose", input.purpose(), true, TEXT_MAX);
        String goals = text(v, "goals", input.goals(), true, TEXT_MAX);
        String newName = text(v, "newProgrammeName", input.newProgrammeName(), false, TITLE_MAX);
        LocalDate from = v.date("periodFrom", input.periodFrom(), true, null);
        LocalDate to = v.date("periodTo", input.periodTo(), true, null);
        if (from != null && to != null && to.isBefore(from)) {
            v.reject("periodTo", "federation.application.periodOrder");
        }
        Long programmeId = null;
        if (input.programmeId() != null && !input.programmeId().isBlank()) {
            try {
                programmeId = Long.valueOf(input.programmeId().strip());
            } catch (NumberFormatException e) {
                v.reject("programmeId", "validation.invalidValue");
            }
        }
        if (kind == ApplicationKind.PROGRAMME) {
            if (programmeId == null && newName == null && !v.hasErrors("programmeId")) {
                v.reject("programmeId", "federation.application.programmeRequired");
            } else if (programmeId != null && newName != null) {
                v.reject("newProgrammeName", "federation.application.programmeEither");
            }
            Long chosen = programmeId;
            if (chosen != null && federation != null
                    && applications.programmes(federation).stream().noneMatch(p -> p.id() == chosen)) {
                v.reject("programmeId", "federation.application.programmeNotFederations");
            }
        } else if (kind == ApplicationKind.STRUCTURAL && (programmeId != null || newName != null)) {
            v.reject(programmeId != null ? "programmeId" : "newProgrammeName",
                    "federation.application.structuralNoProgramme");
        }
        List<YearAmount> budget = budget(v, input.budget(), from, to);
        List<Application.PartyCommitment> parties = federation == null ? List.of()
                : parties(v, input.parties(), federation, actor.organisationId(), kind, today);
        v.throwIfInvalid();
        long id = applications.insert(federation, actor.organisationId(), kind,
                kind == ApplicationKind.PROGRAMME ? programmeId : null,
                kind == ApplicationKind.PROGRAMME ? newName : null, title, purpose, goals, from, to, actor.userId(),
                clock.instant(), budget, parties);
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION,
                "förbundsansökan " + id + " till förbund " + federation);
        return application(actor, id);
    }

    /** The lead withdraws the application; refused once the board has decided or when already withdrawn. */
    @Transactional
    public Application withdraw(Actor actor, long id) {
        Application a = applications.lock(id, false).orElseThrow(() -> new NotFoundException("application " + id));
        requireReader(actor, a);
        if (actor.role() != Role.PROGRAMME_LEAD) {
            throw new AccessDeniedException("only the applicant's programme lead withdraws an application");
        }
        if (!a.status().open()) {
            throw new ConflictException("federation.application.notOpen", id);
        }
        applications.withdraw(id, actor.userId(), clock.instant());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION, "förbundsansökan " + id
                + " återkallad");
        return application(actor, id);
    }

    /**
     * The officer's proposal: follows the newest proposal ({@code currentProposalId} must name it, else a conflict),
     * never edits it. Refused once the board has decided or the application is withdrawn.
     */
    @Transactional
    public FundingProposal propose(Actor actor, long id, ProposalInput input) {
        Application a = applications.lock(id, true).orElseThrow(() -> new NotFoundException("application " + id));
        requireOfficerOf(actor, a.federationId());
        if (!a.status().open()) {
            throw new ConflictException("federation.application.notOpen", id);
        }
        FundingProposal current = a.currentProposal();
        Long currentId = current == null ? null : current.id();
        if (!java.util.Objects.equals(currentId, input.currentProposalId())) {
            throw new ConflictException("federation.application.proposalChanged", id, current);
        }
        var v = new Validation();
        DecisionOutcome outcome = v.enumValue("outcome", input.outcome(), DecisionOutcome.class, true);
        BigDecimal amount = null;
        if (outcome != null && outcome.grants()) {
            amount = Kronor.parse(v, "amount", input.amount(), true, false);
            if (amount != null && outcome == DecisionOutcome.PARTLY_GRANTED && amount.compareTo(a.budgetTotal()) >= 0) {
                v.reject("amount", "federation.application.partlyBelowBudget", a.budgetTotal().toPlainString());
            }
        } else if (input.amount() != null && !input.amount().isBlank()) {
            v.reject("amount", "federation.application.amountOnlyWhenGranting");
        }
        String reasoning = text(v, "reasoning", input.reasoning(), true, TEXT_MAX);
        v.throwIfInvalid();
        long proposal = applications.insertProposal(id, outcome, amount, reasoning, currentId, actor.userId(),
                clock.instant());
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION,
                "förslag till beslut " + proposal + " om förbundsansökan " + id);
        return application(actor, id).proposals().stream().filter(p -> p.id() == proposal).findFirst().orElseThrow();
    }

    /**
     * For the governance feature: the application for the officer of its förbund, its row locked until the
     * transaction ends (a decision and a withdrawal of one application wait for each other).
     */
    @Transactional
    public Application lockForOfficer(Actor actor, long id) {
        Application a = applications.lock(id, true).orElseThrow(() -> new NotFoundException("application " + id));
        requireOfficerOf(actor, a.federationId());
        return a;
    }

    /** For the governance feature: the förbund's applications still open (to put on an agenda). */
    @Transactional(readOnly = true)
    public List<ApplicationSummary> openOfFederation(Actor actor) {
        requireOfficer(actor);
        return applications.ofFederation(actor.organisationId()).stream().filter(s -> s.status().open()).toList();
    }

    /** For the governance feature: the förbund's Finsam programmes (to link an agenda item to). */
    @Transactional(readOnly = true)
    public List<ApplicationChoices.Choice> programmesOfFederation(Actor actor) {
        requireOfficer(actor);
        return applications.programmes(actor.organisationId());
    }

    /** For the governance feature: the förbund's member organisations today and the förbund itself (participants). */
    @Transactional(readOnly = true)
    public List<ApplicationChoices.MemberChoice> organisationsOfFederation(Actor actor) {
        requireOfficer(actor);
        var all = new ArrayList<ApplicationChoices.MemberChoice>();
        all.add(new ApplicationChoices.MemberChoice(actor.organisationId(), actor.organisationName(),
                se.lots.organisation.PartyType.FORBUND));
        all.addAll(applications.members(actor.organisationId(), LocalDate.now(clock)));
        return all;
    }

    /** Refuses (403) anyone but the officer of a förbund. */
    public void requireOfficer(Actor actor) {
        if (!isOfficer(actor)) {
            throw new AccessDeniedException("only a förbund officer");
        }
    }

    /** Refuses (403) anyone but the officer of {@code federation}. */
    public void requireOfficerOf(Actor actor, OrganisationId federation) {
        requireOfficer(actor);
        if (!actor.organisationId().equals(federation)) {
            throw new AccessDeniedException("another förbund's records");
        }
    }

    private void requireReader(Actor actor, Application a) {
        if (actor.role() == Role.PROGRAMME_LEAD && actor.organisationId().equals(a.applicantId())) {
            return;
        }
        requireOfficerOf(actor, a.federationId());
    }

    private static void requireLead(Actor actor) {
        if (actor.role() != Role.PROGRAMME_LEAD) {
            throw new AccessDeniedException("only a programme lead applies");
        }
    }

    private static Application withoutProposals(Application a) {
        return new Application(a.id(), a.federationId(), a.federationName(), a.applicantId(), a.applicantName(),
                a.kind(), a.programmeId(), a.programmeName(), a.newProgramme(), a.title(), a.purpose(), a.goals(),
                a.periodFrom(), a.periodTo(), a.budget(), a.parties(), a.submittedByName(), a.submittedAt(),
                a.withdrawnByName(), a.withdrawnAt(), a.status(), List.of(), a.decisions());
    }

    /** A text field, stripped; null when blank (an error if required or too long). */
    public static String text(Validation v, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        String s = value.strip();
        v.maxLength(field, s, max);
        return s;
    }

    private static List<YearAmount> budget(Validation v, List<ApplicationInput.YearBudgetInput> lines, LocalDate from,
            LocalDate to) {
        var budget = new ArrayList<YearAmount>();
        Set<Integer> years = new HashSet<>();
        List<ApplicationInput.YearBudgetInput> given = lines == null ? List.of() : lines;
        for (int i = 0; i < given.size(); i++) {
            var line = given.get(i);
            if (line == null || (blank(line.year()) && blank(line.amount()))) {
                continue;
            }
            String field = "budget[" + i + "]";
            Integer year = Kronor.year(v, field + ".year", line.year(), from, to, years);
            BigDecimal amount = Kronor.parse(v, field + ".amount", line.amount(), true, false);
            if (year != null && amount != null) {
                budget.add(new YearAmount(year, amount));
            }
        }
        if (budget.isEmpty() && !v.hasErrors("budget[0].year") && given.stream().allMatch(l -> l == null
                || (blank(l.year()) && blank(l.amount())))) {
            v.reject("budget[0].amount", "federation.application.budgetRequired");
        }
        budget.sort(java.util.Comparator.comparingInt(YearAmount::year));
        return budget;
    }

    private List<Application.PartyCommitment> parties(Validation v, List<ApplicationInput.PartyLine> lines,
            OrganisationId federation, OrganisationId applicant, ApplicationKind kind, LocalDate today) {
        Map<OrganisationId, ApplicationChoices.MemberChoice> members = applications.members(federation, today).stream()
                .collect(Collectors.toMap(ApplicationChoices.MemberChoice::id, Function.identity()));
        var parties = new java.util.LinkedHashMap<OrganisationId, Application.PartyCommitment>();
        List<ApplicationInput.PartyLine> given = lines == null ? List.of() : lines;
        for (int i = 0; i < given.size(); i++) {
            var line = given.get(i);
            if (line == null) {
                continue;
            }
            String field = "parties[" + i + "]";
            if (blank(line.organisationId())) {
                if (!blank(line.commitment()) || !blank(line.commitmentAmount())) {
                    v.reject(field + ".organisationId", "federation.application.partyNotChosen");
                }
                continue;
            }
            ApplicationChoices.MemberChoice member = null;
            try {
                member = members.get(new OrganisationId(Long.parseLong(line.organisationId().strip())));
            } catch (RuntimeException e) {
                // not a number: named below as not a member
            }
            if (member == null) {
                v.reject(field + ".organisationId", "federation.application.partyNotMember");
                continue;
            }
            String commitment = text(v, field + ".commitment", line.commitment(), false, TEXT_MAX);
            BigDecimal amount = Kronor.parse(v, field + ".commitmentAmount", line.commitmentAmount(), false, true);
            if (parties.containsKey(member.id())) {
                v.reject(field + ".organisationId", "federation.application.partyTwice", member.name());
                continue;
            }
            parties.put(member.id(), new Application.PartyCommitment(member.id(), member.name(), member.partyType(),
                    commitment, amount));
        }
        if (!parties.containsKey(applicant)) {
            var own = members.get(applicant);
            if (own != null) {
                parties.put(applicant, new Application.PartyCommitment(own.id(), own.name(), own.partyType(), null, null));
            }
        }
        // lag (2003:1210) 5 § andra stycket, 7 §: an insats the förbund finances needs two parties; municipalities are one
        if (kind == ApplicationKind.PROGRAMME && !FinsamPartiesPolicy.allows(
                parties.values().stream().map(Application.PartyCommitment::partyType).toList())) {
            v.reject("parties", "federation.application.finsamRule");
        }
        return List.copyOf(parties.values());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
