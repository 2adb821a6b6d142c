package se.lots.privacy.extract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.privacy.DataSubject;
import se.lots.privacy.DataSubjects;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Register extracts (GDPR art. 15) as cases of the organisation that holds the person's record: received with the
 * requester's identity checked, prepared from every register ({@link PersonalDataHolder}), reviewed for secrecy per
 * register, and handed over in a way the person's protection allows; or refused with the reason. An extract for a
 * person of another organisation is refused: that organisation answers for its own record.
 */
@Service
public class RegisterExtractService {

    /** The order the registers are shown in; a register not named here comes after, by its code. */
    private static final List<String> ORDER = List.of("registry", "kaa", "plan", "progression", "consent",
            "appointment", "audit", "privacy");

    private final RegisterExtracts extracts;
    private final DataSubjects subjects;
    private final List<PersonalDataHolder> holders;
    private final Clock clock;

    RegisterExtractService(RegisterExtracts extracts, DataSubjects subjects, List<PersonalDataHolder> holders,
            Clock clock) {
        this.extracts = extracts;
        this.subjects = subjects;
        this.holders = holders.stream().sorted(Comparator.comparing(RegisterExtractService::rank)
                .thenComparing(PersonalDataHolder::register)).toList();
        this.clock = clock;
    }

    /** A request in the list: the person where the actor may read them (null otherwise), overdue or not. */
    public record Listed(RegisterExtract extract, DataSubject subject, boolean overdue) {
    }

    /** The case as its page shows it. */
    public record Case(RegisterExtract extract, DataSubject subject, List<PersonalDataSection> content,
            Map<String, SectionReview> reviews, Set<Handover> handovers, boolean mayDecide, boolean overdue,
            LocalDate today) {

        public boolean withheld(String register) {
            var review = reviews.get(register);
            return review != null && !review.disclose();
        }

        /** Whether the young person's secrecy against a guardian must be weighed in the review. */
        public boolean guardianRequest() {
            return extract.requestedBy() == Requester.GUARDIAN;
        }
    }

    /** The holders in the order an extract shows them (for the coverage test and the erasure to come). */
    public List<PersonalDataHolder> holders() {
        return holders;
    }

    /** The organisation's requests, the overdue first, then by the day they are due; the closed last. */
    @Transactional
    public List<Listed> list(Actor actor) {
        requirePrepare(actor);
        LocalDate today = LocalDate.now(clock);
        List<RegisterExtract> found = extracts.ofOrganisation(actor.organisationId());
        Map<UUID, DataSubject> read = subjects.readAll(actor, found.stream().map(RegisterExtract::personId)
                .distinct().toList());
        return found.stream().map(e -> new Listed(e, read.get(e.personId()), e.overdue(today)))
                .sorted(Comparator.comparing((Listed l) -> !l.overdue())).toList();
    }

    /** The person's personnummer for the form, where the actor may read the person (the read audited). */
    @Transactional
    public java.util.Optional<String> identityOf(Actor actor, UUID personId) {
        requirePrepare(actor);
        return subjects.holder(personId).filter(actor.organisationId()::equals)
                .flatMap(holder -> subjects.read(actor, personId)).map(DataSubject::identity);
    }

    /** How many of the organisation's requests are open, and how many of those overdue. */
    public record OpenRequests(int open, int overdue) {
    }

    /** The open requests, for the start page: no person is named, so nothing is read. */
    @Transactional(readOnly = true)
    public OpenRequests open(Actor actor) {
        if (!ExtractRoles.mayPrepare(actor.role())) {
            return new OpenRequests(0, 0);
        }
        int[] counts = extracts.openCounts(actor.organisationId(), LocalDate.now(clock));
        return new OpenRequests(counts[0], counts[1]);
    }

    /** Receives a request: who asked, how their identity was checked, when it came; the deadline is set from that. */
    @Transactional
    public RegisterExtract request(Actor actor, ExtractRequestInput in) {
        requirePrepare(actor);
        LocalDate today = LocalDate.now(clock);
        var v = new Validation();
        v.require("personalIdentityNumber", blankToNull(in.personalIdentityNumber()));
        LocalDate received = v.date("receivedOn", in.receivedOn(), true, today);
        Requester requester = v.enumValue("requestedBy", in.requestedBy(), Requester.class, false);
        if (blankToNull(in.requestedBy()) == null) {
            v.reject("requestedBy", "privacy.requester.required");
        }
        IdentityCheck check = v.enumValue("identityCheck", in.identityCheck(), IdentityCheck.class, false);
        if (blankToNull(in.identityCheck()) == null) {
            v.reject("identityCheck", "privacy.identity.required");
        }
        String requesterName = blankToNull(in.requesterName());
        if (requester != null && requester != Requester.PERSON) {
            v.require("requesterName", requesterName);
        }
        if (requester == Requester.REPRESENTATIVE && check != null && check != IdentityCheck.POWER_OF_ATTORNEY) {
            v.reject("identityCheck", "privacy.identity.powerOfAttorneyRequired");
        }
        if (requester != Requester.REPRESENTATIVE && check == IdentityCheck.POWER_OF_ATTORNEY) {
            v.reject("identityCheck", "privacy.identity.powerOfAttorneyOnlyForRepresentative");
        }
        v.maxLength("requesterName", requesterName, 200).maxLength("identityNote", in.identityNote(), 1000);
        DataSubject subject = null;
        if (blankToNull(in.personalIdentityNumber()) != null) {
            var id = subjects.idByIdentity(in.personalIdentityNumber());
            if (id.isEmpty()) {
                v.reject("personalIdentityNumber", "privacy.person.notFound");
            } else if (!subjects.holder(id.get()).orElseThrow().equals(actor.organisationId())) {
                v.reject("personalIdentityNumber", "privacy.refused.otherOrganisation");
            } else {
                subject = subjects.read(actor, id.get()).orElse(null);
                if (subject == null) {
                    v.reject("personalIdentityNumber", "privacy.refused.noAccess");
                }
            }
        }
        if (subject != null && requester == Requester.GUARDIAN && received != null
                && !GuardianRequestPolicy.guardianMayAsk(subject.birthDate(), subject.birthYear(), received)) {
            v.reject("requestedBy", "privacy.guardian.notUnder18");
        }
        v.throwIfInvalid();
        UUID id = extracts.insert(actor.organisationId(), subject.id(), received, requester, requesterName, check,
                blankToNull(in.identityNote()), ExtractDeadlinePolicy.deadline(received), clock.instant(),
                actor.userId());
        return extracts.byId(id).orElseThrow();
    }

    /** The case page: the request, the person (an audited read), the prepared content and its review. */
    @Transactional
    public Case page(Actor actor, UUID id) {
        RegisterExtract e = own(actor, id);
        DataSubject subject = subjects.read(actor, e.personId())
                .orElseThrow(() -> new AccessDeniedException("no access to person"));
        var reviews = new LinkedHashMap<String, SectionReview>();
        extracts.reviews(id).forEach(r -> reviews.put(r.register(), r));
        LocalDate today = LocalDate.now(clock);
        return new Case(e, subject, extracts.content(id), reviews, HandoverPolicy.allowed(subject.protectedIdentity()),
                ExtractRoles.mayDecide(actor.role()), e.overdue(today), today);
    }

    /** Gathers what every register holds on the person and freezes it for the review; logged as an export. */
    @Transactional
    public RegisterExtract prepare(Actor actor, UUID id, Integer version) {
        RegisterExtract e = own(actor, id);
        requireStatus(e, ExtractStatus.REQUESTED, ExtractStatus.PREPARED);
        int expected = versionOf(e, version);
        var content = new ArrayList<PersonalDataSection>();
        for (PersonalDataHolder holder : holders) {
            content.add(holder.extract(e.personId()));
        }
        if (!extracts.prepared(id, expected, content, clock.instant(), actor.userId())) {
            throw new ConflictException("privacy.staleVersion", id);
        }
        subjects.recordExport(actor, e.personId(), "registerutdrag förberett");
        return extracts.byId(id).orElseThrow();
    }

    /**
     * The secrecy review: each register's part disclosed or withheld with the reviewer's reason (the provision of
     * offentlighets- och sekretesslagen); a guardian's request needs the young person's secrecy weighed (OSL 12 kap.
     * 3 §). {@code decisions} maps a register to "disclose" or "withhold", {@code reasons} a register to the reason.
     */
    @Transactional
    public RegisterExtract review(Actor actor, UUID id, Map<String, String> decisions, Map<String, String> reasons,
            boolean youngPersonSecrecyConsidered, Integer version) {
        RegisterExtract e = own(actor, id);
        requireDecide(actor);
        requireStatus(e, ExtractStatus.PREPARED);
        var v = new Validation();
        var reviews = new ArrayList<SectionReview>();
        for (PersonalDataSection section : extracts.content(id)) {
            String register = section.register();
            String decision = decisions.get(register);
            String reason = blankToNull(reasons.get(register));
            if (!"disclose".equals(decision) && !"withhold".equals(decision)) {
                v.reject("decision." + register, "privacy.review.decisionRequired");
            } else if ("withhold".equals(decision) && reason == null) {
                v.reject("reason." + register, "privacy.review.reasonRequired");
            } else {
                v.maxLength("reason." + register, reason, 1000);
                reviews.add(new SectionReview(register, "disclose".equals(decision),
                        "withhold".equals(decision) ? reason : null));
            }
        }
        if (e.requestedBy() == Requester.GUARDIAN && !youngPersonSecrecyConsidered) {
            v.reject("youngPersonSecrecyConsidered", "privacy.review.guardianSecrecyRequired");
        }
        v.throwIfInvalid();
        if (!extracts.reviewed(id, versionOf(e, version), reviews,
                e.requestedBy() == Requester.GUARDIAN ? Boolean.TRUE : null, clock.instant(), actor.userId())) {
            throw new ConflictException("privacy.staleVersion", id);
        }
        return extracts.byId(id).orElseThrow();
    }

    /** Extends the deadline by up to two further months with the reason (GDPR art. 12.3). */
    @Transactional
    public RegisterExtract extend(Actor actor, UUID id, String to, String reason, Integer version) {
        RegisterExtract e = own(actor, id);
        requireDecide(actor);
        requireOpen(e);
        var v = new Validation();
        LocalDate until = v.date("extendedTo", to, true, null);
        v.require("extensionReason", blankToNull(reason)).maxLength("extensionReason", reason, 1000);
        if (until != null && !ExtractDeadlinePolicy.mayExtendTo(e.receivedOn(), until)) {
            v.reject("extendedTo", "privacy.extend.outOfRange", e.deadline(), e.latestExtension());
        }
        v.throwIfInvalid();
        if (!extracts.extended(id, versionOf(e, version), until, reason.strip())) {
            throw new ConflictException("privacy.staleVersion", id);
        }
        return extracts.byId(id).orElseThrow();
    }

    /** Refuses the request with the reason given to the person (e.g. GDPR art. 12.5 or the identity not shown). */
    @Transactional
    public RegisterExtract refuse(Actor actor, UUID id, String reason, Integer version) {
        RegisterExtract e = own(actor, id);
        requireDecide(actor);
        requireOpen(e);
        new Validation().require("refusalReason", blankToNull(reason)).maxLength("refusalReason", reason, 2000)
                .throwIfInvalid();
        if (!extracts.refused(id, versionOf(e, version), reason.strip())) {
            throw new ConflictException("privacy.staleVersion", id);
        }
        return extracts.byId(id).orElseThrow();
    }

    /** Records the handover; a protected identity's extract only in person or through Skatteverket's forwarding. */
    @Transactional
    public RegisterExtract handOver(Actor actor, UUID id, String way, Integer version) {
        RegisterExtract e = own(actor, id);
        requireDecide(actor);
        requireStatus(e, ExtractStatus.REVIEWED);
        var v = new Validation();
        Handover handover = v.enumValue("handover", way, Handover.class, false);
        if (blankToNull(way) == null) {
            v.reject("handover", "privacy.handover.required");
        }
        DataSubject subject = subjects.read(actor, e.personId())
                .orElseThrow(() -> new AccessDeniedException("no access to person"));
        if (handover != null && !HandoverPolicy.allows(subject.protectedIdentity(), handover)) {
            v.reject("handover", subject.protectedIdentity() ? "privacy.handover.protectedIdentity"
                    : "privacy.handover.onlyForProtectedIdentity");
        }
        v.throwIfInvalid();
        if (!extracts.handedOver(id, versionOf(e, version), handover, clock.instant(), actor.userId())) {
            throw new ConflictException("privacy.staleVersion", id);
        }
        subjects.recordExport(actor, e.personId(), "registerutdrag utlämnat: " + handover.name());
        return extracts.byId(id).orElseThrow();
    }

    /** The reviewed extract as it is handed over: the withheld parts replaced by their reason. For the files. */
    @Transactional
    public Case reviewed(Actor actor, UUID id, String file) {
        Case c = page(actor, id);
        requireStatus(c.extract(), ExtractStatus.REVIEWED, ExtractStatus.HANDED_OVER);
        subjects.recordExport(actor, c.extract().personId(), "registerutdrag (" + file + ")");
        return c;
    }

    private RegisterExtract own(Actor actor, UUID id) {
        requirePrepare(actor);
        RegisterExtract e = extracts.byId(id).orElseThrow(() -> new NotFoundException("extract"));
        if (!e.organisationId().equals(actor.organisationId())) {
            throw new NotFoundException("extract");
        }
        return e;
    }

    private static void requirePrepare(Actor actor) {
        if (!ExtractRoles.mayPrepare(actor.role())) {
            throw new AccessDeniedException("role does not handle personal data");
        }
    }

    private static void requireDecide(Actor actor) {
        if (!ExtractRoles.mayDecide(actor.role())) {
            throw new AccessDeniedException("the review and the handover are the coordinator's or lead's");
        }
    }

    private static void requireStatus(RegisterExtract e, ExtractStatus... allowed) {
        if (!List.of(allowed).contains(e.status())) {
            throw new ConflictException("privacy.wrongStatus", e.id(), e);
        }
    }

    private static void requireOpen(RegisterExtract e) {
        if (!e.status().open()) {
            throw new ConflictException("privacy.wrongStatus", e.id(), e);
        }
    }

    /** The version the form was loaded with: a change without it would overwrite what someone saved since. */
    private static int versionOf(RegisterExtract e, Integer version) {
        return Versions.required(version, null);
    }

    private static int rank(PersonalDataHolder h) {
        int i = ORDER.indexOf(h.register());
        return i < 0 ? ORDER.size() : i;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
