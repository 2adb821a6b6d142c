package se.lots.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;
import se.lots.plan.enrolment.EnrolmentEndReason;
import se.lots.plan.enrolment.Enrolments;
import se.lots.plan.enrolment.Federation;
import se.lots.plan.journey.Journey;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.InvalidValueException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Inskrivning and utskrivning. A young person is enrolled in a programme of the actor's own organisation; a move to
 * another programme is a transfer: the open enrolment ends (OVERFORD) and the new one points back at it.
 */
@Service
public class EnrolmentService {

    private final PlanAccess access;
    private final Enrolments enrolments;
    private final Journey journey;
    private final Organisations organisations;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;

    EnrolmentService(PlanAccess access, Enrolments enrolments, Journey journey, Organisations organisations,
            UserAccounts users, AuditLog audit, Clock clock) {
        this.access = access;
        this.enrolments = enrolments;
        this.journey = journey;
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enrolment enrol(Actor actor, UUID personId, EnrolmentInput input) {
        PlanAccess.View view = access.writingView(actor, personId);
        return enrol(actor, view, personId, input, null);
    }

    /** Ends the enrolment with its outcome. */
    @Transactional
    public Enrolment discharge(Actor actor, UUID enrolmentId, String endedOn, String endReason, Integer version) {
        Enrolment e = ownOpen(actor, enrolmentId);
        PlanAccess.View view = access.view(actor, e.personId());
        var v = new Validation();
        LocalDate ended = v.date("endedOn", endedOn, true, today());
        EnrolmentEndReason reason = dischargeChecked(v, e, ended, endReason);
        if (!enrolments.end(enrolmentId, ended, reason, Versions.required(version, null))) {
            throw new ConflictException("enrolment.stale", enrolmentId, enrolments.byId(enrolmentId).orElseThrow());
        }
        journey.record(e.personId(), actor.organisationId(), actor.userId(), ended, JourneyKind.UTSKRIVNING,
                e.programmeName(), reason.name(), false, enrolmentId);
        audit.record(actor, e.personId(), AuditAction.UPDATE, view.basis(), "utskrivning " + enrolmentId);
        return enrolments.byId(enrolmentId).orElseThrow();
    }

    /**
     * What {@link #discharge} would refuse, checked without writing, so that the page can ask "are you sure?" only
     * about an end that can be saved: wrong input, a missing version, or someone else's change since the page was
     * loaded (a conflict with the enrolment as saved now). Returns the enrolment as it is now.
     */
    @Transactional(readOnly = true)
    public Enrolment checkDischarge(Actor actor, UUID enrolmentId, String endedOn, String endReason,
            Integer version) {
        Enrolment e = ownOpen(actor, enrolmentId);
        access.view(actor, e.personId());
        var v = new Validation();
        dischargeChecked(v, e, v.date("endedOn", endedOn, true, today()), endReason);
        if (e.version() != Versions.required(version, null)) {
            throw new ConflictException("enrolment.stale", enrolmentId, e);
        }
        return e;
    }

    private static EnrolmentEndReason dischargeChecked(Validation v, Enrolment e, LocalDate ended, String endReason) {
        EnrolmentEndReason reason = v.enumValue("endReason", endReason, EnrolmentEndReason.class, true);
        if (reason == EnrolmentEndReason.OVERFORD) {
            v.reject("endReason", "enrolment.useTransfer");
        }
        if (ended != null && ended.isBefore(e.startedOn())) {
            v.reject("endedOn", "enrolment.endBeforeStart");
        }
        v.throwIfInvalid();
        return reason;
    }

    /** Moves the young person from this enrolment to another programme of the same organisation, keeping the history. */
    @Transactional
    public Enrolment transfer(Actor actor, UUID enrolmentId, EnrolmentInput to) {
        Enrolment from = ownOpen(actor, enrolmentId);
        PlanAccess.View view = access.view(actor, from.personId());
        var v = new Validation();
        LocalDate on = v.date("startedOn", to.startedOn(), true, null);
        if (on != null && on.isBefore(from.startedOn())) {
            v.reject("startedOn", "enrolment.endBeforeStart");
        }
        v.throwIfInvalid();
        if (!enrolments.end(enrolmentId, on, EnrolmentEndReason.OVERFORD, from.version())) {
            throw new ConflictException("enrolment.stale", enrolmentId, enrolments.byId(enrolmentId).orElseThrow());
        }
        Enrolment next = enrol(actor, view, from.personId(), to, from.id());
        journey.record(from.personId(), actor.organisationId(), actor.userId(), on, JourneyKind.OVERFORING,
                from.programmeName() + " → " + next.programmeName(), null, false, next.id());
        return next;
    }

    @Transactional
    public List<Enrolment> forPerson(Actor actor, UUID personId) {
        PlanAccess.View view = access.view(actor, personId);
        audit.record(actor, personId, AuditAction.READ, view.basis(), "inskrivningar");
        return enrolments.forPerson(personId).stream().filter(e -> view.shows(e.organisationId(), false)).toList();
    }

    /**
     * One enrolment, for modules that build on enrolments (follow-up). Not audited and not access checked: the
     * caller decides with {@link PlanAccess} and audits what it shows.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Enrolment> enrolment(UUID enrolmentId) {
        return enrolments.byId(enrolmentId);
    }

    /** A programme's enrolments, newest first; as {@link #enrolment}, the caller checks access and audits. */
    @Transactional(readOnly = true)
    public List<Enrolment> ofProgramme(long programmeId) {
        return enrolments.ofProgramme(programmeId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Programme> programme(long programmeId) {
        return enrolments.programme(programmeId);
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes() {
        return enrolments.programmes(true);
    }

    @Transactional(readOnly = true)
    public List<Programme> allProgrammes() {
        return enrolments.programmes(false);
    }

    /** The programme lead (or admin) keeps the organisation's list of programmes. */
    @Transactional
    public long saveProgramme(Actor actor, String name) {
        requireProgrammeManager(actor);
        new Validation().require("programmeName", name).maxLength("programmeName", name, 120).throwIfInvalid();
        long id = enrolments.saveProgramme(actor.organisationId(), name.strip());
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION, "program " + id);
        return id;
    }

    @Transactional
    public void setProgrammeActive(Actor actor, long programmeId, boolean active) {
        requireProgrammeManager(actor);
        Programme p = enrolments.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
        if (!p.organisationId().equals(actor.organisationId())) {
            throw new AccessDeniedException("a programme is kept by its own organisation");
        }
        enrolments.setProgrammeActive(programmeId, actor.organisationId(), active);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "program " + programmeId + (active ? " aktivt" : " avslutat"));
    }

    /** The samordningsförbund a programme can be funded by. */
    @Transactional(readOnly = true)
    public List<Federation> federations() {
        return enrolments.federations();
    }

    /** The programme lead says which samordningsförbund funds the programme (blank: none). */
    @Transactional
    public void setProgrammeFundedBy(Actor actor, long programmeId, String federationId) {
        requireProgrammeManager(actor);
        Programme p = enrolments.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
        if (!p.organisationId().equals(actor.organisationId())) {
            throw new AccessDeniedException("a programme is kept by its own organisation");
        }
        OrganisationId federation = null;
        if (federationId != null && !federationId.isBlank()) {
            String chosen = federationId.strip();
            federation = enrolments.federations().stream().filter(f -> String.valueOf(f.id()).equals(chosen))
                    .map(Federation::id).findFirst()
                    .orElseThrow(() -> new InvalidInputException("fundedBy", "enrolment.notAFederation"));
        }
        enrolments.setFundedBy(programmeId, federation);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "program " + programmeId + " finansieras av " + (federation == null ? "ingen" : federation));
    }

    /**
     * A förbund officer registers a programme of a member organisation as one the förbund funds (federation module):
     * {@code existingProgrammeId} a programme of {@code owner} funded by no förbund or by the officer's, else a new
     * programme named {@code name} of {@code owner} (an existing one of that name reused). Either way funded by the
     * officer's förbund, so that the officer sees its report. The federation module checks that the owner is a member.
     */
    @Transactional
    public long saveFederationProgramme(Actor officer, OrganisationId owner, Long existingProgrammeId, String name) {
        OrganisationId federation = officer.organisationId();
        if (officer.role() != Role.FEDERATION_OFFICER
                || enrolments.federations().stream().noneMatch(f -> f.id().equals(federation))) {
            throw new AccessDeniedException("a förbund's programmes are registered by its officer");
        }
        long id;
        if (existingProgrammeId != null) {
            Programme p = enrolments.programme(existingProgrammeId)
                    .orElseThrow(() -> new InvalidInputException("existingProgrammeId", "enrolment.unknownProgramme"));
            if (!p.organisationId().equals(owner) || (p.fundedBy() != null && !p.fundedBy().equals(federation))) {
                throw new InvalidInputException("existingProgrammeId", "enrolment.otherOrganisationsProgramme");
            }
            id = p.id();
        } else {
            new Validation().require("name", name).maxLength("name", name, 120).throwIfInvalid();
            organisations.byId(owner).orElseThrow(() -> new NotFoundException("organisation"));
            id = enrolments.saveProgramme(owner, name.strip());
        }
        enrolments.setFundedBy(id, federation);
        audit.record(officer, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "program " + id + " för " + owner + " finansieras av förbundet " + federation);
        return id;
    }

    private static void requireProgrammeManager(Actor actor) {
        if (actor.role() != Role.PROGRAMME_LEAD && actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("programmes are kept by the programme lead");
        }
    }

    private Enrolment enrol(Actor actor, PlanAccess.View view, UUID personId, EnrolmentInput in, UUID transferredFrom) {
        var v = new Validation().require("reason", in.reason()).maxLength("reason", in.reason(), 2000);
        Programme programme = null;
        if (in.programmeId() == null || in.programmeId().isBlank()) {
            v.reject("programmeId", "validation.required");
        } else {
            try {
                programme = enrolments.programme(Long.parseLong(in.programmeId().strip())).orElse(null);
            } catch (NumberFormatException e) {
                programme = null;
            }
            if (programme == null || !programme.active()) {
                v.reject("programmeId", "enrolment.unknownProgramme");
                programme = null;
            } else if (!programme.organisationId().equals(actor.organisationId())) {
                v.reject("programmeId", "enrolment.otherOrganisationsProgramme");
            }
        }
        LocalDate started = v.date("startedOn", in.startedOn(), true, null);
        OrganisationId referring = null;
        if (in.referringOrganisationId() != null && !in.referringOrganisationId().isBlank()) {
            try {
                referring = new OrganisationId(Long.parseLong(in.referringOrganisationId().strip()));
                if (organisations.byId(referring).isEmpty()) {
                    v.reject("referringOrganisationId", "consent.unknownOrganisation");
                }
            } catch (NumberFormatException e) {
                v.reject("referringOrganisationId", "validation.invalidValue");
            } catch (InvalidValueException e) {
                v.reject("referringOrganisationId", "consent.unknownOrganisation");
            }
        }
        Long contact = null;
        if (in.contactUserId() != null && !in.contactUserId().isBlank()) {
            try {
                contact = Long.parseLong(in.contactUserId().strip());
                if (users.byId(contact).filter(UserAccount::active)
                        .filter(u -> u.organisationId().equals(actor.organisationId())).isEmpty()) {
                    v.reject("contactUserId", "step.unknownStaff");
                }
            } catch (NumberFormatException e) {
                v.reject("contactUserId", "validation.invalidValue");
            }
        }
        v.throwIfInvalid();
        UUID id;
        try {
            id = enrolments.insert(personId, programme, started, referring, contact, in.reason().strip(),
                    transferredFrom, actor.userId());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("programmeId", "enrolment.alreadyOpen");
        }
        if (transferredFrom == null) {
            journey.record(personId, actor.organisationId(), actor.userId(), started, JourneyKind.INSKRIVNING,
                    programme.name(), null, false, id);
        }
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "inskrivning " + id);
        return enrolments.byId(id).orElseThrow();
    }

    private Enrolment ownOpen(Actor actor, UUID enrolmentId) {
        Enrolment e = enrolments.byId(enrolmentId).orElseThrow(() -> new NotFoundException("enrolment"));
        if (!e.organisationId().equals(actor.organisationId()) || !actor.readsPersonalData()) {
            throw new AccessDeniedException("an enrolment is changed by the programme's organisation");
        }
        if (!e.open()) {
            throw new ConflictException("enrolment.alreadyEnded", enrolmentId);
        }
        return e;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
