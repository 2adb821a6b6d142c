package se.lots.federation.programme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.FinsamPartiesPolicy;
import se.lots.federation.member.Member;
import se.lots.federation.member.MembershipService;
import se.lots.federation.member.PartyOrganisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.VersionRequiredException;

/**
 * The förbund's programmes as Finsam sees them. The förbund officer registers and edits its förbund's programmes; the
 * programme lead of the owner organisation may edit the facts of its own programme, but not the diarienummer, and
 * sees the programmes its organisation owns or takes part in; anyone else gets {@link AccessDeniedException}. A
 * programme the förbund finances is held to the Finsam rule ({@link FinsamPartiesPolicy}).
 */
@Service
public class FinsamProgrammeService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int LONG_TEXT = 4000;

    private final FinsamProgrammes programmes;
    private final MembershipService membership;
    private final EnrolmentService plan;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    FinsamProgrammeService(FinsamProgrammes programmes, MembershipService membership, EnrolmentService plan,
            ReferenceData reference, AuditLog audit, Clock clock) {
        this.programmes = programmes;
        this.membership = membership;
        this.plan = plan;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** The officer's förbund's programmes; a programme lead's: those its organisation owns or takes part in. */
    @Transactional(readOnly = true)
    public List<FinsamProgramme> programmes(Actor actor) {
        if (actor.role() == Role.PROGRAMME_LEAD) {
            return programmes.ofOrganisation(actor.organisationId()).stream().map(this::full).toList();
        }
        return programmes.ofFederation(membership.requireOfficer(actor)).stream().map(this::full).toList();
    }

    @Transactional(readOnly = true)
    public FinsamProgramme programme(Actor actor, long programmeId) {
        FinsamProgramme p = found(programmeId);
        if (!isOfficerOf(actor, p) && !(actor.role() == Role.PROGRAMME_LEAD && takesPart(actor, p))) {
            throw new AccessDeniedException("a förbund's programme is for its officers and the parties' leads");
        }
        return p;
    }

    /** Whether the actor may change the programme's facts (the officer; the owner's lead, all but the diarienummer). */
    @Transactional(readOnly = true)
    public boolean edits(Actor actor, FinsamProgramme p) {
        return isOfficerOf(actor, p) || isOwnersLead(actor, p);
    }

    /** The plan module's programmes of the förbund's members that an officer may link (none registered yet). */
    @Transactional(readOnly = true)
    public List<Programme> linkable(Actor actor) {
        OrganisationId federation = membership.requireOfficer(actor);
        LocalDate today = today();
        var owners = membership.members(federation).stream().filter(m -> m.memberOn(today))
                .map(Member::organisationId).toList();
        return plan.allProgrammes().stream().filter(p -> owners.contains(p.organisationId()))
                .filter(p -> p.fundedBy() == null || p.fundedBy().equals(federation))
                .filter(p -> !programmes.exists(p.id())).toList();
    }

    /** Registers a programme of a member organisation as the förbund's: links the owner's programme or creates one. */
    @Transactional
    public FinsamProgramme register(Actor actor, ProgrammeInput input) {
        OrganisationId federation = membership.requireOfficer(actor);
        var v = new Validation();
        OrganisationId owner = owner(v, federation, input.ownerOrganisationId());
        Long existing = null;
        if (input.existingProgrammeId() != null && !input.existingProgrammeId().isBlank()) {
            Optional<Programme> p = parseLong(input.existingProgrammeId()).flatMap(plan::programme);
            if (p.isEmpty() || (owner != null && !p.get().organisationId().equals(owner))) {
                v.reject("existingProgrammeId", "federation.programme.notOwnersProgramme");
            } else if (programmes.exists(p.get().id())) {
                v.reject("existingProgrammeId", "federation.programme.alreadyRegistered", p.get().name());
            } else if (p.get().fundedBy() != null && !p.get().fundedBy().equals(federation)) {
                v.reject("existingProgrammeId", "federation.programme.fundedByAnother", p.get().fundedByName());
            } else {
                existing = p.get().id();
            }
        } else {
            v.require("name", input.name()).maxLength("name", input.name(), 120);
        }
        Checked c = checked(v, federation, owner, input, true, -1);
        v.throwIfInvalid();
        long id = plan.saveFederationProgramme(actor, owner, existing, input.name());
        if (programmes.exists(id)) {
            throw new InvalidInputException("name", "federation.programme.alreadyRegistered", input.name().strip());
        }
        programmes.insert(id, federation, c.facts(), actor.userId());
        programmes.replaceLists(id, c.parties(), c.municipalities(), c.funders());
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "förbundsinsats " + id);
        return found(id);
    }

    /**
     * Saves the programme's facts, parties, municipalities and funders when nobody saved since {@code version}
     * (else {@link ConflictException} with the programme as saved now). The owner's programme lead keeps the
     * diarienummer as it is (a different one is 403); the owner is kept.
     */
    @Transactional
    public FinsamProgramme update(Actor actor, long programmeId, ProgrammeInput input) {
        FinsamProgramme saved = found(programmeId);
        boolean officer = isOfficerOf(actor, saved);
        if (!officer && !isOwnersLead(actor, saved)) {
            throw new AccessDeniedException("a förbund's programme is changed by its officer or the owner's lead");
        }
        if (!officer) {
            String typed = blankToNull(input.caseNumber());
            if (typed != null && !typed.equals(saved.caseNumber())) {
                throw new AccessDeniedException("the diarienummer is the förbund's");
            }
        }
        if (input.version() == null) {
            throw new VersionRequiredException();
        }
        var v = new Validation();
        Checked c = checked(v, saved.federationId(), saved.ownerId(), input, officer, programmeId);
        v.throwIfInvalid();
        FinsamProgrammes.Facts facts = officer ? c.facts() : c.facts().withCaseNumber(saved.caseNumber());
        if (!programmes.update(programmeId, facts, input.version(), actor.userId())) {
            throw new ConflictException("federation.programme.stale", programmeId, found(programmeId));
        }
        programmes.replaceLists(programmeId, c.parties(), c.municipalities(), c.funders());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION, "förbundsinsats " + programmeId);
        return found(programmeId);
    }

    /** What the form's checks made of the input. */
    private record Checked(FinsamProgrammes.Facts facts, List<OrganisationId> parties,
            List<MunicipalityCode> municipalities, List<Funder> funders) {
    }

    private Checked checked(Validation v, OrganisationId federation, OrganisationId owner, ProgrammeInput in,
            boolean officer, long programmeId) {
        String caseNumber = officer ? blankToNull(in.caseNumber()) : null;
        v.maxLength("caseNumber", caseNumber, 60);
        if (caseNumber != null && programmes.caseNumberTaken(federation, caseNumber, programmeId)) {
            v.reject("caseNumber", "federation.programme.caseNumberTaken", caseNumber);
        }
        v.require("purpose", in.purpose()).maxLength("purpose", in.purpose(), LONG_TEXT)
                .maxLength("targetGroup", in.targetGroup(), LONG_TEXT).maxLength("method", in.method(), LONG_TEXT)
                .maxLength("contactName", in.contactName(), 200);
        Integer ageFrom = whole(v, "ageFrom", in.ageFrom(), 0, 120);
        Integer ageTo = whole(v, "ageTo", in.ageTo(), 0, 120);
        if (ageFrom != null && ageTo != null && ageTo < ageFrom) {
            v.reject("ageTo", "federation.programme.ageOrder");
        }
        Integer expected = whole(v, "expectedPerYear", in.expectedPerYear(), 0, 1_000_000);
        LocalDate starts = v.date("startsOn", in.startsOn(), true, null);
        LocalDate ends = v.date("endsOn", in.endsOn(), false, null);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            v.reject("endsOn", "federation.programme.endBeforeStart");
        }
        String email = blankToNull(in.contactEmail());
        if (email != null && !ContactDetails.isEmailAddress(email)) {
            v.reject("contactEmail", "validation.email");
        }
        v.maxLength("contactEmail", email, 254);

        List<MunicipalityCode> area = membership.area(federation).stream().map(Municipality::code).toList();
        var municipalities = new LinkedHashSet<MunicipalityCode>();
        for (String code : orEmpty(in.municipalityCodes())) {
            if (code == null || code.isBlank()) {
                continue;
            }
            Optional<Municipality> m = reference.municipality(code);
            if (m.isEmpty() || !area.contains(m.get().code())) {
                v.reject("municipalityCodes", "federation.programme.outsideArea",
                        m.map(Municipality::shortName).orElse(code.strip()));
            } else {
                municipalities.add(m.get().code());
            }
        }

        List<Member> current = membership.members(federation).stream().filter(m -> m.memberOn(today())).toList();
        var parties = new LinkedHashSet<OrganisationId>();
        if (owner != null) {
            parties.add(owner);
        }
        for (String id : orEmpty(in.partyOrganisationIds())) {
            if (id == null || id.isBlank()) {
                continue;
            }
            Optional<Member> m = parseLong(id).flatMap(n -> current.stream()
                    .filter(x -> x.organisationId().value() == n).findFirst());
            if (m.isEmpty()) {
                v.reject("partyOrganisationIds", "federation.programme.partyNotMember");
            } else {
                parties.add(m.get().organisationId());
            }
        }

        List<Funder> funders = funders(v, federation, current, in.funders());
        boolean financedByFederation = funders.stream().anyMatch(f -> f.kind() == FunderKind.FORBUND);
        if (financedByFederation && !v.hasErrors("partyOrganisationIds")) {
            List<PartyType> types = new ArrayList<>();
            for (OrganisationId p : parties) {
                membership.organisation(p).map(PartyOrganisation::partyType).ifPresent(types::add);
            }
            if (!FinsamPartiesPolicy.allows(types)) {
                v.reject("partyOrganisationIds", "federation.programme.finsamRule");
            }
        }
        var facts = new FinsamProgrammes.Facts(caseNumber, strip(in.purpose()), blankToNull(in.targetGroup()), ageFrom,
                ageTo, blankToNull(in.method()), starts, ends, expected, blankToNull(in.contactName()), email);
        return new Checked(facts, List.copyOf(parties), List.copyOf(municipalities), funders);
    }

    private List<Funder> funders(Validation v, OrganisationId federation, List<Member> current,
            List<FunderInput> inputs) {
        var funders = new ArrayList<Funder>();
        BigDecimal sum = BigDecimal.ZERO;
        for (FunderInput f : orEmpty(inputs)) {
            if (f == null || (blankToNull(f.kind()) == null && blankToNull(f.sharePercent()) == null
                    && blankToNull(f.name()) == null && blankToNull(f.organisationId()) == null)) {
                continue;
            }
            FunderKind kind = v.enumValue("funders", f.kind(), FunderKind.class, true);
            BigDecimal share = share(v, f.sharePercent());
            OrganisationId organisation = null;
            if (kind == FunderKind.FORBUND) {
                organisation = federation;
            } else if (blankToNull(f.organisationId()) != null) {
                organisation = parseLong(f.organisationId()).flatMap(n -> current.stream()
                        .filter(m -> m.organisationId().value() == n).findFirst()).map(Member::organisationId)
                        .orElse(null);
                if (organisation == null) {
                    v.reject("funders", "federation.programme.funderNotMember");
                }
            }
            String name = blankToNull(f.name());
            if (organisation == null && name == null && kind != null) {
                v.reject("funders", "federation.programme.funderNameRequired");
            }
            v.maxLength("funders", name, 200);
            if (kind != null && share != null) {
                funders.add(new Funder(kind, organisation, organisation == null ? name : null, share));
                sum = sum.add(share);
            }
        }
        if (funders.isEmpty() && !v.hasErrors("funders")) {
            v.reject("funders", "federation.programme.fundersRequired");
        } else if (!v.hasErrors("funders") && sum.compareTo(HUNDRED) != 0) {
            v.reject("funders", "federation.programme.sharesNot100", sum.stripTrailingZeros().toPlainString());
        }
        return funders;
    }

    private OrganisationId owner(Validation v, OrganisationId federation, String typed) {
        if (blankToNull(typed) == null) {
            v.reject("ownerOrganisationId", "validation.required");
            return null;
        }
        LocalDate today = today();
        Optional<OrganisationId> owner = parseLong(typed).flatMap(n -> membership.members(federation).stream()
                .filter(m -> m.memberOn(today) && m.organisationId().value() == n).findFirst())
                .map(Member::organisationId);
        if (owner.isEmpty()) {
            v.reject("ownerOrganisationId", "federation.programme.ownerNotMember");
            return null;
        }
        return owner.get();
    }

    private FinsamProgramme found(long programmeId) {
        return programmes.byId(programmeId).map(this::full).orElseThrow(() -> new NotFoundException("programme"));
    }

    private FinsamProgramme full(FinsamProgrammes.Row r) {
        return new FinsamProgramme(r.programmeId(), r.federationId(), r.federationName(), r.caseNumber(), r.name(),
                r.ownerId(), r.ownerName(), r.purpose(), r.targetGroup(), r.ageFrom(), r.ageTo(),
                programmes.municipalities(r.programmeId(), reference::municipality), r.method(), r.startsOn(),
                r.endsOn(), r.expectedPerYear(), programmes.parties(r.programmeId()), r.contactName(),
                r.contactEmail(), programmes.funders(r.programmeId()), r.version());
    }

    private boolean isOfficerOf(Actor actor, FinsamProgramme p) {
        return membership.isOfficer(actor) && actor.organisationId().equals(p.federationId());
    }

    private static boolean isOwnersLead(Actor actor, FinsamProgramme p) {
        return actor.role() == Role.PROGRAMME_LEAD && actor.organisationId().equals(p.ownerId());
    }

    private static boolean takesPart(Actor actor, FinsamProgramme p) {
        return actor.organisationId().equals(p.ownerId())
                || p.parties().stream().anyMatch(x -> x.id().equals(actor.organisationId()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Integer whole(Validation v, String field, String value, int min, int max) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        v.reject(field, "federation.programme.wholeNumber", min, max);
        return null;
    }

    private static BigDecimal share(Validation v, String value) {
        if (blankToNull(value) == null) {
            v.reject("funders", "federation.programme.shareRequired");
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(value.strip().replace(',', '.').replace("%", "").strip());
            if (n.signum() > 0 && n.compareTo(HUNDRED) <= 0 && n.scale() <= 2) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        v.reject("funders", "federation.programme.shareRange");
        return null;
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
