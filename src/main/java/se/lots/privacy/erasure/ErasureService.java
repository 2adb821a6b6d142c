package se.lots.privacy.erasure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.privacy.DataSubject;
import se.lots.privacy.DataSubjects;
import se.lots.privacy.ErasureDecided;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.extract.ExtractRoles;
import se.lots.privacy.extract.GuardianRequestPolicy;
import se.lots.privacy.extract.IdentityCheck;
import se.lots.privacy.extract.Requester;
import se.lots.privacy.retention.RetentionRuleService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/**
 * Radering på begäran (GDPR art. 17) for the organisation that holds the person's record. Lots decides: an authority's
 * records are allmänna handlingar and the request is refused with the retention rule that governs each register that
 * holds something on the person (art. 17.3 b); a register that must keep what it holds (an open KAA episode) refuses
 * with its reason; otherwise every register removes the organisation's records of the person in one transaction
 * (through its own {@link PersonalDataEraser}, never a cross-module DELETE), and where no register holds anything on
 * the person any more, the registry and the audit log forget them ({@link DataSubjects#forget}). The case is kept
 * without anything that identifies the person; the decision is logged as {@link ErasureDecided}.
 */
@Service
public class ErasureService {

    /** The registers the person is removed from by {@link DataSubjects#forget}, not by an eraser of their own. */
    private static final Set<String> FORGOTTEN_BY_REGISTRY = Set.of("registry", "audit");
    private static final List<String> ORDER = List.of("registry", "kaa", "plan", "progression", "consent",
            "appointment", "audit", "privacy");
    /**
     * The order one person's records are erased in: a register whose rows another's refer to goes after it
     * (progression follows plan's enrolments, plan's records refer to consents); a register not named goes last.
     */
    private static final List<String> ERASURE_ORDER = List.of("kaa", "progression", "appointment", "plan",
            "consent", "privacy");

    private final ErasureRequests requests;
    private final DataSubjects subjects;
    private final Organisations organisations;
    private final RetentionRuleService rules;
    private final List<PersonalDataEraser> erasers;
    private final List<PersonalDataHolder> holders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ErasureService(ErasureRequests requests, DataSubjects subjects, Organisations organisations,
            RetentionRuleService rules, List<PersonalDataEraser> erasers, List<PersonalDataHolder> holders,
            ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.subjects = subjects;
        this.organisations = organisations;
        this.rules = rules;
        this.erasers = erasers.stream().sorted(Comparator.comparing((PersonalDataEraser e) -> rank(e.register()))
                .thenComparing(PersonalDataEraser::register)).toList();
        this.holders = holders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a request would lead to, before it is recorded: what each register holds on the person in the
     * organisation, the outcome Lots would decide and its grounds; {@code notBuilt} names registers that hold
     * something on the person but cannot yet erase one person (then an erasure cannot be complete and is not done).
     */
    public record Preview(DataSubject subject, PartyType partyType, List<RetentionCount> held,
            ErasureOutcome outcome, List<ErasureGround> grounds, List<String> notBuilt) {

        public long rows() {
            return held.stream().mapToLong(RetentionCount::rows).sum();
        }
    }

    /** The request as the form gives it: the person (personnummer or reserve identity) and who asked, how checked. */
    public record RequestInput(String identity, String receivedOn, String requestedBy, String identityCheck) {
    }

    /** The decided case and, right after the decision, the person it was about (for the decision letter). */
    public record Decided(ErasureCase erasureCase, DataSubject subject) {
    }

    /** The organisation's decided requests (no person is named in them, so nothing is read). */
    @Transactional(readOnly = true)
    public List<ErasureCase> list(Actor actor) {
        requireRole(actor);
        return requests.ofOrganisation(actor.organisationId());
    }

    /** One of the organisation's cases; another organisation's is not found. */
    @Transactional(readOnly = true)
    public ErasureCase get(Actor actor, UUID id) {
        requireRole(actor);
        return requests.byId(id).filter(c -> c.organisationId().equals(actor.organisationId()))
                .orElseThrow(() -> new NotFoundException("erasure"));
    }

    /** The person's personnummer for the form, from the person's page (the read audited). */
    @Transactional
    public Optional<String> identityOf(Actor actor, UUID personId) {
        requireRole(actor);
        return subjects.holder(personId).filter(actor.organisationId()::equals)
                .flatMap(holder -> subjects.read(actor, personId)).map(DataSubject::identity);
    }

    /**
     * The preview of a request for the person with this identity: refused ({@link InvalidInputException} on
     * "identity") when the person is not found, is held by another organisation, or the actor may not read them.
     */
    @Transactional
    public Preview preview(Actor actor, String identity) {
        requireRole(actor);
        var v = new Validation();
        DataSubject subject = person(actor, identity, v);
        v.throwIfInvalid();
        return preview(actor.organisationId(), subject);
    }

    /**
     * Records the request and decides it: refused with the grounds, or the person erased (only by the roles that
     * decide for the organisation, {@link ExtractRoles#mayDecide}). An erasure that cannot be complete (a register
     * that holds something on the person cannot yet erase one person) is not done and nothing is recorded.
     */
    @Transactional
    public Decided decide(Actor actor, RequestInput in) {
        requireRole(actor);
        LocalDate today = LocalDate.now(clock);
        var v = new Validation();
        DataSubject subject = person(actor, in.identity(), v);
        LocalDate received = v.date("receivedOn", in.receivedOn(), true, today);
        Requester requester = v.enumValue("requestedBy", in.requestedBy(), Requester.class, false);
        if (blank(in.requestedBy())) {
            v.reject("requestedBy", "privacy.requester.required");
        }
        IdentityCheck check = v.enumValue("identityCheck", in.identityCheck(), IdentityCheck.class, false);
        if (blank(in.identityCheck())) {
            v.reject("identityCheck", "privacy.identity.required");
        }
        if (requester == Requester.REPRESENTATIVE && check != null && check != IdentityCheck.POWER_OF_ATTORNEY) {
            v.reject("identityCheck", "privacy.identity.powerOfAttorneyRequired");
        }
        if (requester != Requester.REPRESENTATIVE && check == IdentityCheck.POWER_OF_ATTORNEY) {
            v.reject("identityCheck", "privacy.identity.powerOfAttorneyOnlyForRepresentative");
        }
        if (subject != null && requester == Requester.GUARDIAN && received != null
                && !GuardianRequestPolicy.guardianMayAsk(subject.birthDate(), subject.birthYear(), received)) {
            v.reject("requestedBy", "privacy.guardian.notUnder18");
        }
        v.throwIfInvalid();
        OrganisationId organisation = actor.organisationId();
        Preview preview = preview(organisation, subject);
        if (preview.outcome() == ErasureOutcome.ERASED) {
            if (!ExtractRoles.mayDecide(actor.role())) {
                throw new InvalidInputException("identity", "privacy.erasure.decideRole");
            }
            if (!preview.notBuilt().isEmpty()) {
                throw new InvalidInputException("identity", "privacy.erasure.notBuilt",
                        String.join(", ", preview.notBuilt()));
            }
            return erase(actor, subject, preview, received, requester, check);
        }
        var registers = byTable(preview.held());
        ErasureCase decided = requests.insert(organisation, received, requester, check, preview.outcome(), registers,
                preview.grounds(), false, clock.instant(), actor.userId());
        events.publishEvent(new ErasureDecided(actor, subject.id(), decided.caseNumber(), "avslagen ("
                + (preview.outcome() == ErasureOutcome.REFUSED_AUTHORITY ? "allmänna handlingar, GDPR art. 17.3 b"
                        : "registret måste behålla uppgifterna")
                + "): " + grounds(preview.grounds())));
        return new Decided(decided, subject);
    }

    private Decided erase(Actor actor, DataSubject subject, Preview preview, LocalDate received, Requester requester,
            IdentityCheck check) {
        OrganisationId organisation = actor.organisationId();
        var removed = new ArrayList<RetentionCount>();
        var inOrder = erasers.stream().sorted(Comparator.comparing((PersonalDataEraser e) -> {
            int i = ERASURE_ORDER.indexOf(e.register());
            return i < 0 ? ERASURE_ORDER.size() : i;
        })).toList();
        for (PersonalDataEraser eraser : inOrder) {
            if (!eraser.countPerson(organisation, subject.id()).isEmpty()) {
                removed.add(eraser.erasePerson(organisation, subject.id()));
            }
        }
        Set<UUID> stillHeld = new HashSet<>();
        for (PersonalDataEraser eraser : erasers) {
            stillHeld.addAll(eraser.stillHeld(Set.of(subject.id())));
        }
        boolean forget = stillHeld.isEmpty() && notErasable(subject.id()).isEmpty();
        removed.sort(Comparator.comparing((RetentionCount c) -> rank(c.register())));
        var registers = byTable(removed);
        if (forget) {
            registers.put("registry", Map.of("young_person", 1L));
        }
        ErasureCase decided = requests.insert(organisation, received, requester, check, ErasureOutcome.ERASED,
                registers, List.of(), forget, clock.instant(), actor.userId());
        String detail = "raderad: " + rowsText(registers)
                + (forget ? "; personen borttagen ur Lots" : "; personen finns kvar hos andra organisationer");
        // written before the forgetting, and without the person where they go: the entry must not name them
        events.publishEvent(new ErasureDecided(actor, forget ? null : subject.id(), decided.caseNumber(), detail));
        if (forget) {
            subjects.forget(Set.of(subject.id()));
        }
        return new Decided(decided, subject);
    }

    private Preview preview(OrganisationId organisation, DataSubject subject) {
        PartyType partyType = organisations.byId(organisation).orElseThrow().partyType();
        var held = new ArrayList<RetentionCount>();
        for (PersonalDataEraser eraser : erasers) {
            RetentionCount count = eraser.countPerson(organisation, subject.id());
            if (!count.isEmpty()) {
                held.add(count);
            }
        }
        var grounds = new ArrayList<ErasureGround>();
        ErasureOutcome outcome = null;
        if (ErasurePolicy.isAuthority(partyType)) {
            outcome = ErasureOutcome.REFUSED_AUTHORITY;
            // the person's record in the registry is the organisation's too, whatever else it holds
            var registers = new ArrayList<String>(List.of("registry"));
            held.forEach(c -> registers.add(c.register()));
            for (var applied : rules.applied(organisation)) {
                if (registers.contains(applied.rule().register())) {
                    grounds.add(ErasureGround.rule(applied.rule()));
                }
            }
        }
        // a register's own reason to keep (an open KAA episode) is told to the person whatever the organisation
        for (PersonalDataEraser eraser : erasers) {
            eraser.mustKeep(organisation, subject.id())
                    .ifPresent(key -> grounds.add(ErasureGround.reason(eraser.register(), key)));
        }
        if (!ErasurePolicy.isAuthority(partyType)) {
            outcome = grounds.isEmpty() ? ErasureOutcome.ERASED : ErasureOutcome.REFUSED_MUST_KEEP;
        }
        return new Preview(subject, partyType, held, outcome, grounds,
                outcome == ErasureOutcome.ERASED ? notErasable(subject.id()) : List.of());
    }

    /**
     * The registers that hold something on the person (in any organisation: their holder cannot tell whose) but have
     * no eraser yet: the person cannot be erased completely while any is named.
     */
    private List<String> notErasable(UUID personId) {
        Set<String> withEraser = new HashSet<>();
        erasers.forEach(e -> withEraser.add(e.register()));
        var found = new ArrayList<String>();
        for (PersonalDataHolder holder : holders) {
            if (withEraser.contains(holder.register()) || FORGOTTEN_BY_REGISTRY.contains(holder.register())) {
                continue;
            }
            if (holder.extract(personId).records().values().stream().anyMatch(rows -> !rows.isEmpty())) {
                found.add(holder.register());
            }
        }
        return found.stream().sorted(Comparator.comparing((String r) -> rank(r))).toList();
    }

    private DataSubject person(Actor actor, String identity, Validation v) {
        if (blank(identity)) {
            v.reject("identity", "validation.required");
            return null;
        }
        var id = subjects.idByIdentity(identity);
        if (id.isEmpty()) {
            v.reject("identity", "privacy.person.notFound");
            return null;
        }
        if (!subjects.holder(id.get()).orElseThrow().equals(actor.organisationId())) {
            v.reject("identity", "privacy.erasure.otherOrganisation");
            return null;
        }
        DataSubject subject = subjects.read(actor, id.get()).orElse(null);
        if (subject == null) {
            v.reject("identity", "privacy.refused.noAccess");
        }
        return subject;
    }

    private static Map<String, Map<String, Long>> byTable(List<RetentionCount> counts) {
        var registers = new LinkedHashMap<String, Map<String, Long>>();
        for (RetentionCount c : counts) {
            var rows = new LinkedHashMap<String, Long>();
            c.rowsByTable().forEach((table, n) -> {
                if (n > 0) {
                    rows.put(table, n);
                }
            });
            registers.put(c.register(), rows);
        }
        return registers;
    }

    private static String rowsText(Map<String, Map<String, Long>> registers) {
        if (registers.isEmpty()) {
            return "inga rader";
        }
        var parts = new ArrayList<String>();
        registers.forEach((register, rows) -> rows.forEach((table, n) -> parts.add(table + " " + n)));
        return String.join(", ", parts);
    }

    private static String grounds(List<ErasureGround> grounds) {
        var parts = new ArrayList<String>();
        for (ErasureGround g : grounds) {
            parts.add(g.fromRule() ? g.register() + "/" + g.recordKind() + " " + g.keepMonths() + " mån efter "
                    + g.countedFrom() : g.register() + ": " + g.reasonKey());
        }
        return String.join("; ", parts);
    }

    private static void requireRole(Actor actor) {
        if (!ExtractRoles.mayPrepare(actor.role())) {
            throw new AccessDeniedException("role does not handle personal data");
        }
    }

    private static int rank(String register) {
        int i = ORDER.indexOf(register);
        return i < 0 ? ORDER.size() : i;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
