package se.lots.federation.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.FinsamPartiesPolicy;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/**
 * The förbund's members and area, kept by its officers: a förbund officer acts for the förbund that is their
 * organisation and sees no other förbund's. A membership is never removed, only ended with the day the member left.
 */
@Service
public class MembershipService {

    private final Members members;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    MembershipService(Members members, ReferenceData reference, AuditLog audit, Clock clock) {
        this.members = members;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** The förbund the actor acts for: a förbund officer's own organisation, when it is a förbund; else 403. */
    @Transactional(readOnly = true)
    public OrganisationId requireOfficer(Actor actor) {
        if (actor.role() != Role.FEDERATION_OFFICER || members.organisation(actor.organisationId())
                .filter(o -> o.partyType() == PartyType.FORBUND).isEmpty()) {
            throw new AccessDeniedException("the förbund's records are kept by its officers");
        }
        return actor.organisationId();
    }

    /** Whether the actor is the officer of a förbund (the menu and the overview ask). */
    @Transactional(readOnly = true)
    public boolean isOfficer(Actor actor) {
        try {
            requireOfficer(actor);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** The actor's förbund with its members, area, the law's shares and the parties missing today. */
    @Transactional(readOnly = true)
    public Federation federation(Actor actor) {
        return federation(requireOfficer(actor));
    }

    private Federation federation(OrganisationId id) {
        String name = members.organisation(id).map(PartyOrganisation::name)
                .orElseThrow(() -> new NotFoundException("federation"));
        List<Member> all = members.of(id);
        LocalDate today = LocalDate.now(clock);
        List<PartyType> current = all.stream().filter(m -> m.memberOn(today)).map(Member::partyType).toList();
        return new Federation(id, name, all, municipalities(members.area(id)), ContributionPolicy.SHARES,
                ContributionPolicy.missing(current));
    }

    /** The organisations of the four parties the officer may add: those that have never been members. */
    @Transactional(readOnly = true)
    public List<PartyOrganisation> candidates(Actor actor) {
        OrganisationId federation = requireOfficer(actor);
        Set<OrganisationId> taken = new java.util.HashSet<>();
        members.of(federation).forEach(m -> taken.add(m.organisationId()));
        return members.parties().stream().filter(p -> !taken.contains(p.id())).toList();
    }

    /** Adds a member: an organisation of one of the four parties, not a member already, joined (and left) on a day. */
    @Transactional
    public Member addMember(Actor actor, MemberInput input) {
        OrganisationId federation = requireOfficer(actor);
        var v = new Validation().require("organisationId", input.organisationId());
        PartyOrganisation organisation = null;
        if (!v.hasErrors("organisationId")) {
            organisation = organisation(input.organisationId()).orElse(null);
            if (organisation == null) {
                v.reject("organisationId", "federation.member.unknownOrganisation");
            } else if (!FinsamPartiesPolicy.PARTIES.contains(organisation.partyType())) {
                v.reject("organisationId", "federation.member.notAParty", organisation.name());
            } else if (isMember(federation, organisation.id())) {
                v.reject("organisationId", "federation.member.alreadyMember", organisation.name());
            }
        }
        LocalDate joined = v.date("joinedOn", input.joinedOn(), true, null);
        LocalDate left = v.date("leftOn", input.leftOn(), false, null);
        if (joined != null && left != null && left.isBefore(joined)) {
            v.reject("leftOn", "federation.member.leftBeforeJoined");
        }
        v.throwIfInvalid();
        long id;
        try {
            id = members.insert(federation, organisation.id(), joined, left, actor.userId());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("organisationId", "federation.member.alreadyMember", organisation.name());
        }
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION,
                "förbundsmedlem " + organisation.name() + " från " + joined);
        return members.byId(federation, id).orElseThrow();
    }

    private boolean isMember(OrganisationId federation, OrganisationId organisation) {
        return members.of(federation).stream().anyMatch(m -> m.organisationId().equals(organisation));
    }

    /** Ends a membership on the day the member left (on or after the day it joined); the membership is kept. */
    @Transactional
    public Member endMembership(Actor actor, long memberId, String leftOn) {
        OrganisationId federation = requireOfficer(actor);
        Member member = members.byId(federation, memberId).orElseThrow(() -> new NotFoundException("member"));
        var v = new Validation();
        LocalDate left = v.date("leftOn", leftOn, true, null);
        if (member.leftOn() != null) {
            v.reject("leftOn", "federation.member.alreadyLeft", member.leftOn());
        } else if (left != null && left.isBefore(member.joinedOn())) {
            v.reject("leftOn", "federation.member.leftBeforeJoined");
        }
        v.throwIfInvalid();
        members.end(memberId, left);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundsmedlem " + member.name() + " till " + left);
        return members.byId(federation, memberId).orElseThrow();
    }

    /** Sets the municipalities the förbund covers (kommunkoder); every code must be a municipality's. */
    @Transactional
    public Federation setArea(Actor actor, List<String> municipalityCodes) {
        OrganisationId federation = requireOfficer(actor);
        var v = new Validation();
        var codes = new LinkedHashSet<MunicipalityCode>();
        for (String text : municipalityCodes == null ? List.<String>of() : municipalityCodes) {
            if (text == null || text.isBlank()) {
                continue;
            }
            Optional<Municipality> m = reference.municipality(text);
            if (m.isEmpty()) {
                v.reject("municipalityCodes", "federation.member.unknownMunicipality", text.strip());
            } else {
                codes.add(m.get().code());
            }
        }
        v.throwIfInvalid();
        members.setArea(federation, codes);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "förbundets område " + codes.stream().map(MunicipalityCode::value).toList());
        return federation(federation);
    }

    /** The members of a förbund, for the module's other features (they check who asks). */
    @Transactional(readOnly = true)
    public List<Member> members(OrganisationId federation) {
        return members.of(federation);
    }

    /** The municipalities a förbund covers, for the module's other features. */
    @Transactional(readOnly = true)
    public List<Municipality> area(OrganisationId federation) {
        return municipalities(members.area(federation));
    }

    /** The förbund an organisation is a member of today (a programme lead's förbund). */
    @Transactional(readOnly = true)
    public List<PartyOrganisation> federationsOf(OrganisationId organisation) {
        return members.federationsOf(organisation, LocalDate.now(clock));
    }

    /** An organisation with its party type, by the id a user typed; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<PartyOrganisation> organisation(String id) {
        OrganisationId parsed = parseId(id);
        return parsed == null ? Optional.empty() : members.organisation(parsed);
    }

    @Transactional(readOnly = true)
    public Optional<PartyOrganisation> organisation(OrganisationId id) {
        return members.organisation(id);
    }

    private List<Municipality> municipalities(List<MunicipalityCode> codes) {
        var list = new ArrayList<Municipality>();
        codes.forEach(c -> reference.municipality(c).ifPresent(list::add));
        return list;
    }

    private static OrganisationId parseId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            return id > 0 ? new OrganisationId(id) : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
