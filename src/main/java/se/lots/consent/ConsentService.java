package se.lots.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.internal.Consents;
import se.lots.consent.internal.EmergencyAccesses;
import se.lots.consent.internal.Holdings;
import se.lots.consent.internal.LineDisclosures;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Organisations;
import se.lots.organisation.SecrecyDomain;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

@Service
public class ConsentService {

    static final int MIN_REASON_LENGTH = 10;

    private final Consents consents;
    private final EmergencyAccesses emergencyAccesses;
    private final Organisations organisations;
    private final AuditLog audit;
    private final ConsentSettings settings;
    private final Clock clock;
    private final Holdings holdings;
    private final LineDisclosures disclosures;

    ConsentService(Consents consents, EmergencyAccesses emergencyAccesses, Organisations organisations, AuditLog audit,
            ConsentSettings settings, Clock clock, Holdings holdings, LineDisclosures disclosures) {
        this.holdings = holdings;
        this.disclosures = disclosures;
        this.consents = consents;
        this.emergencyAccesses = emergencyAccesses;
        this.organisations = organisations;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the young person's consent that the organisation holding their record shares it with another.
     * Only the holding organisation records it: it is the one that will disclose.
     */
    @Transactional
    public Consent record(Actor actor, UUID personId, OrganisationId ownerOrganisationId, NewConsent c) {
        if (!actor.readsPersonalData() || !actor.organisationId().equals(ownerOrganisationId) || actor.domain() == null
                || (!actor.domain().wholeOrganisation() && !holdings.holds(personId, actor.domain()))) {
            throw new AccessDeniedException("only the holding organisation (its holding line of work) records consent");
        }
        LocalDate validFrom = c.validFrom() == null ? LocalDate.now(clock) : c.validFrom();
        OrganisationId from = c.fromOrganisationId() == null ? ownerOrganisationId : c.fromOrganisationId();
        var v = new Validation().require("toOrganisationId", c.toOrganisationId()).require("purpose", c.purpose())
                .require("givenHow", c.givenHow()).require("validTo", c.validTo());
        if (c.scope() == null || c.scope().isEmpty()) {
            v.reject("scope", "consent.scopeRequired");
        }
        if (!from.equals(ownerOrganisationId)) {
            v.reject("fromOrganisationId", "consent.fromMustHoldRecord");
        }
        if (c.toOrganisationId() != null) {
            if (c.toOrganisationId().equals(from)) {
                v.reject("toOrganisationId", "consent.sameOrganisation");
            } else if (organisations.byId(c.toOrganisationId()).isEmpty()) {
                v.reject("toOrganisationId", "consent.unknownOrganisation");
            }
        }
        if (c.validTo() != null && c.validTo().isBefore(validFrom)) {
            v.reject("validTo", "consent.validToBeforeFrom");
        } else if (c.validTo() != null && c.purpose() != null
                && c.validTo().isAfter(validFrom.plusMonths(c.purpose().maxMonths()))) {
            v.reject("validTo", "consent.validToTooLate", c.purpose().maxMonths(),
                    validFrom.plusMonths(c.purpose().maxMonths()).toString());
        }
        v.throwIfInvalid();
        var normalised = new NewConsent(from, c.toOrganisationId(), c.purpose(), c.scope(), c.givenHow(), validFrom,
                c.validTo());
        if (consents.overlapsAlike(personId, normalised)) {
            throw duplicate();
        }
        UUID id;
        try {
            id = consents.insert(personId, normalised, actor.userId());
        } catch (DataIntegrityViolationException e) {
            // another request stored the same consent between the check and the insert
            if (String.valueOf(e.getMessage()).contains("consent_no_overlapping_duplicate")) {
                throw duplicate();
            }
            throw e;
        }
        audit.record(actor, personId, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "samtycke " + id);
        return consents.byId(id).orElseThrow();
    }

    private static InvalidInputException duplicate() {
        return new InvalidInputException("validFrom", "consent.duplicate");
    }

    /** The giving or the receiving organisation may register that the young person withdrew consent. */
    @Transactional
    public Consent withdraw(Actor actor, UUID consentId) {
        Consent c = consents.byId(consentId).orElseThrow(() -> new NotFoundException("consent"));
        if (!actor.readsPersonalData()
                || (!actor.organisationId().equals(c.fromOrganisationId())
                        && !actor.organisationId().equals(c.toOrganisationId()))) {
            throw new AccessDeniedException("not a party to this consent");
        }
        if (!consents.withdraw(consentId, actor.userId())) {
            throw new ConflictException("consent.alreadyWithdrawn", consentId);
        }
        audit.record(actor, c.personId(), AuditAction.UPDATE, AccessBasis.of("SAMTYCKE_ATERKALLAT"),
                "samtycke " + consentId + " återkallat");
        return consents.byId(consentId).orElseThrow();
    }

    /** Disclosures between lines of work are given for at most this many months, as a consent to coordinate. */
    static final int DISCLOSURE_MAX_MONTHS = 12;

    /**
     * Records that the actor's line of work (and nämnd), which holds the person's record, discloses it to another
     * line of the same organisation under a provision of offentlighets- och sekretesslagen (docs/security.md
     * "Secrecy inside a municipality"). Only the holding line records it: it is the one that discloses.
     */
    @Transactional
    public LineDisclosure disclose(Actor actor, UUID personId, OrganisationId ownerOrganisationId,
            NewLineDisclosure d) {
        SecrecyDomain from = actor.domain();
        if (!actor.readsPersonalData() || !actor.organisationId().equals(ownerOrganisationId) || from == null
                || from.wholeOrganisation() || !holdings.holds(personId, from)) {
            throw new AccessDeniedException("only the holding line of work discloses");
        }
        LocalDate validFrom = d.validFrom() == null ? LocalDate.now(clock) : d.validFrom();
        String toCommittee = d.toCommittee() == null ? "" : d.toCommittee().strip();
        var v = new Validation().require("toLineOfWork", d.toLineOfWork()).require("provision", d.provision())
                .require("validTo", d.validTo()).maxLength("reason", d.reason(), 1000);
        if (d.reason() == null || d.reason().strip().length() < MIN_REASON_LENGTH) {
            v.reject("reason", "consent.disclosure.reasonRequired", MIN_REASON_LENGTH);
        }
        if (d.toLineOfWork() != null) {
            if (d.toLineOfWork() == from.lineOfWork() && toCommittee.equals(from.committee())) {
                v.reject("toLineOfWork", "consent.disclosure.sameLine");
            } else if (organisations.units(ownerOrganisationId).stream().noneMatch(
                    u -> u.lineOfWork() == d.toLineOfWork() && u.committee().equals(toCommittee))) {
                v.reject("toLineOfWork", "consent.disclosure.unknownLine");
            }
        }
        if (d.validTo() != null && d.validTo().isBefore(validFrom)) {
            v.reject("validTo", "consent.validToBeforeFrom");
        } else if (d.validTo() != null && d.validTo().isAfter(validFrom.plusMonths(DISCLOSURE_MAX_MONTHS))) {
            v.reject("validTo", "consent.validToTooLate", DISCLOSURE_MAX_MONTHS,
                    validFrom.plusMonths(DISCLOSURE_MAX_MONTHS).toString());
        }
        v.throwIfInvalid();
        UUID id = disclosures.insert(personId, from, new NewLineDisclosure(toCommittee, d.toLineOfWork(),
                d.provision(), d.reason(), validFrom, d.validTo()), actor.userId());
        audit.record(actor, personId, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION,
                "utlämnande " + id + " till " + d.toLineOfWork() + ", " + d.provision().provision());
        return disclosures.byId(id).orElseThrow();
    }

    /** The disclosing or the receiving line ends a disclosure; the receiving line's access ends at once. */
    @Transactional
    public LineDisclosure withdrawDisclosure(Actor actor, UUID disclosureId) {
        LineDisclosure d = disclosures.byId(disclosureId).orElseThrow(() -> new NotFoundException("disclosure"));
        SecrecyDomain mine = actor.domain();
        boolean party = mine != null && !mine.wholeOrganisation() && mine.organisationId().equals(d.organisationId())
                && ((mine.lineOfWork() == d.fromLineOfWork() && mine.committee().equals(d.fromCommittee()))
                        || (mine.lineOfWork() == d.toLineOfWork() && mine.committee().equals(d.toCommittee())));
        if (!actor.readsPersonalData() || !party) {
            throw new AccessDeniedException("not a party to this disclosure");
        }
        if (!disclosures.withdraw(disclosureId, actor.userId())) {
            throw new ConflictException("consent.alreadyWithdrawn", disclosureId);
        }
        audit.record(actor, d.personId(), AuditAction.UPDATE, AccessBasis.of("UTLAMNANDE_AVSLUTAT"),
                "utlämnande " + disclosureId + " avslutat");
        return disclosures.byId(disclosureId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<LineDisclosure> disclosuresFor(UUID personId) {
        return disclosures.forPerson(personId);
    }

    @Transactional(readOnly = true)
    public List<Consent> forPerson(UUID personId) {
        return consents.forPerson(personId);
    }

    /**
     * The consents of these persons (a case worker's caseload) that the actor's organisation gives or receives and
     * that end within {@code days} days without a renewal, soonest first. The caller audits the persons it shows.
     */
    @Transactional(readOnly = true)
    public List<Consent> runningOut(Actor actor, java.util.Collection<UUID> personIds, int days) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read personal data");
        }
        if (personIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return consents.runningOut(personIds, actor.organisationId(), today, today.plusDays(days));
    }

    @Transactional(readOnly = true)
    public Consent byId(UUID consentId) {
        return consents.byId(consentId).orElseThrow(() -> new NotFoundException("consent"));
    }

    /** Break the glass: opens the record to this user for a limited time, flagged for the auditor. */
    @Transactional
    public EmergencyAccess breakGlass(Actor actor, UUID personId, String reason) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read personal data");
        }
        if (reason == null || reason.trim().length() < MIN_REASON_LENGTH) {
            new Validation().reject("reason", "emergency.reasonRequired", MIN_REASON_LENGTH).throwIfInvalid();
        }
        var access = emergencyAccesses.insert(personId, actor.userId(), reason.trim(),
                clock.instant().plus(settings.duration()));
        audit.record(actor, personId, AuditAction.BREAK_GLASS, AccessBasis.emergency(reason.trim()),
                "nödåtkomst till " + access.expiresAt());
        return access;
    }
}
