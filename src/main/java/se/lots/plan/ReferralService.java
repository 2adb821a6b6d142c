package se.lots.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.Consent;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.Organisations;
import se.lots.plan.journey.Journey;
import se.lots.plan.referral.Referral;
import se.lots.plan.referral.ReferralStatus;
import se.lots.plan.referral.Referrals;
import se.lots.plan.referral.WaitingTime;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Remiss: one organisation asks another for an intervention. To another organisation a referral needs the young
 * person's consent from the holder of the record to the receiver, covering the plan; to a unit of the own
 * organisation none. The receiver takes it through MOTTAGEN, ACCEPTERAD (or AVBÖJD), PÅBÖRJAD and AVSLUTAD; the
 * sender may withdraw it until it is started. Every change is kept in referral_status, on the journey and in the
 * audit log.
 */
@Service
public class ReferralService {

    private static final int TEXT_MAX = 4000;
    private static final int SUMMARY_MAX = 200;

    private final PlanAccess access;
    private final Referrals referrals;
    private final Journey journey;
    private final ConsentService consents;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final int responseDays;

    ReferralService(PlanAccess access, Referrals referrals, Journey journey, ConsentService consents,
            Organisations organisations, AuditLog audit, Clock clock,
            @Value("${lots.plan.referral-response-days:10}") int responseDays) {
        this.access = access;
        this.referrals = referrals;
        this.journey = journey;
        this.consents = consents;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
        this.responseDays = responseDays;
    }

    /** Sends a remiss for the young person from the actor's organisation. */
    @Transactional
    public Referral send(Actor actor, UUID personId, ReferralInput in) {
        return send(actor, personId, in, null);
    }

    /**
     * As {@link #send(Actor, UUID, ReferralInput)}, to an intervention of the catalogue ({@code interventionId},
     * whose name the caller puts in {@code in.intervention()}).
     */
    @Transactional
    public Referral send(Actor actor, UUID personId, ReferralInput in, Long interventionId) {
        PlanAccess.View view = access.writingView(actor, personId);
        var v = new Validation().require("reason", in.reason()).maxLength("reason", in.reason(), TEXT_MAX)
                .require("request", in.request()).maxLength("request", in.request(), TEXT_MAX)
                .maxLength("intervention", in.intervention(), 200);
        Organisation to = null;
        Long toNumber = number(v, "toOrganisationId", in.toOrganisationId(), true);
        if (toNumber != null) {
            to = toNumber > 0 ? organisations.byId(new OrganisationId(toNumber)).orElse(null) : null;
            if (to == null) {
                v.reject("toOrganisationId", "validation.invalidValue");
            }
        }
        Long toUnit = number(v, "toUnitId", in.toUnitId(), false);
        if (toUnit != null && toNumber != null && (to == null || !unitOf(to.id(), toUnit))) {
            v.reject("toUnitId", "referral.unitNotOfOrganisation");
        }
        Long fromUnit = number(v, "fromUnitId", in.fromUnitId(), false);
        if (fromUnit != null && !unitOf(actor.organisationId(), fromUnit)) {
            v.reject("fromUnitId", "referral.unitNotOfOrganisation");
        }
        UUID consentId = null;
        if (to != null && !to.id().equals(actor.organisationId()) && !to.id().equals(view.holderOrganisationId())) {
            consentId = consentTo(personId, view.holderOrganisationId(), to.id());
            if (consentId == null) {
                v.reject("toOrganisationId", "referral.consentMissing", to.name());
            }
        }
        v.throwIfInvalid();
        String request = in.request().strip();
        UUID id = referrals.insert(new Referrals.NewReferral(personId, actor.organisationId(), fromUnit,
                actor.userId(), to.id(), toUnit, PlanService.blankToNull(in.intervention()), in.reason().strip(),
                request, consentId, interventionId, clock.instant()));
        referrals.history(id, ReferralStatus.SKICKAD, null, actor.userId(), clock.instant());
        journey.record(personId, actor.organisationId(), actor.userId(), today(), JourneyKind.REMISS,
                request.length() > SUMMARY_MAX ? request.substring(0, SUMMARY_MAX) : request,
                ReferralStatus.SKICKAD.name(), false, id);
        audit.record(actor, personId, AuditAction.CREATE, view.basis(), "remiss " + id);
        return referrals.byId(id).orElseThrow();
    }

    /**
     * Moves the referral to {@code to}. The receiving organisation moves it forward, the sending one withdraws it;
     * refused when the change is not allowed from where it stands, or someone changed it after {@code version}.
     */
    @Transactional
    public Referral move(Actor actor, UUID referralId, ReferralStatus to, String reason, Integer version) {
        Referral r = referrals.byId(referralId).orElseThrow(() -> new NotFoundException("referral"));
        boolean sender = actor.organisationId().equals(r.fromOrganisationId());
        boolean receiver = actor.organisationId().equals(r.toOrganisationId());
        if (!actor.readsPersonalData() || (!sender && !receiver)) {
            throw new AccessDeniedException("not a party to this referral");
        }
        var v = new Validation();
        if (to == null) {
            v.reject("status", "validation.required").throwIfInvalid();
        }
        if (!r.status().canBecome(to)) {
            v.reject("status", "referral.illegalTransition", label(r.status()), label(to));
        } else if (to.bySender() && !sender) {
            v.reject("status", "referral.onlySender", label(to));
        } else if (!to.bySender() && !receiver) {
            v.reject("status", "referral.onlyReceiver", label(to));
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            v.reject("reason", "referral.reasonRequired", label(to));
        }
        v.maxLength("reason", reason, TEXT_MAX);
        UUID consentNow = r.consentId();
        if (receiver && !sender && r.consentId() != null) {
            // the receiver works on the referral only while a consent covers it; declining or closing stays possible
            consentNow = consentTo(r.personId(), access.holderOf(r.personId()), r.toOrganisationId());
            if (consentNow == null && to.takesForward()) {
                v.reject("status", "referral.consentWithdrawn", label(to));
            }
        }
        v.throwIfInvalid();
        AccessBasis basis;
        if (receiver && !sender) {
            basis = r.consentId() == null ? AccessBasis.OWN_ORGANISATION
                    : AccessBasis.consent(consentNow == null ? r.consentId() : consentNow, "REMISS");
        } else {
            basis = access.view(actor, r.personId()).basis();
        }
        String why = PlanService.blankToNull(reason);
        if (!referrals.move(referralId, to, why, Versions.required(version, null), clock.instant())) {
            throw new ConflictException("referral.stale", referralId, referrals.byId(referralId).orElseThrow());
        }
        referrals.history(referralId, to, why, actor.userId(), clock.instant());
        journey.record(r.personId(), actor.organisationId(), actor.userId(), today(), JourneyKind.REMISS,
                why == null ? "" : why, to.name(), false, referralId);
        audit.record(actor, r.personId(), AuditAction.UPDATE, basis, "remiss " + referralId + " " + to.name());
        return referrals.byId(referralId).orElseThrow();
    }

    /** The worklist: referrals to the actor's organisation, open ones first; each person shown is audited. */
    @Transactional
    public List<Referral> incoming(Actor actor) {
        requireReader(actor);
        List<Referral> list = referrals.incoming(actor.organisationId());
        audit.recordEach(actor, new LinkedHashSet<>(list.stream().map(Referral::personId).toList()),
                AuditAction.SEARCH, AccessBasis.of("REMISS"), "remisser");
        return list;
    }

    /** Referrals the actor's organisation sent, open ones first. */
    @Transactional
    public List<Referral> outgoing(Actor actor) {
        requireReader(actor);
        List<Referral> list = referrals.outgoing(actor.organisationId());
        audit.recordEach(actor, new LinkedHashSet<>(list.stream().map(Referral::personId).toList()),
                AuditAction.SEARCH, AccessBasis.of("REMISS"), "skickade remisser");
        return list;
    }

    /** The young person's referrals the actor may see: their organisation's own, and all with the shared view. */
    @Transactional
    public List<Referral> forPerson(Actor actor, UUID personId) {
        PlanAccess.View view = access.view(actor, personId);
        List<Referral> list = referrals.forPerson(personId).stream().filter(r -> visible(r, view)).toList();
        audit.record(actor, personId, AuditAction.READ, view.basis(), "remisser");
        return list;
    }

    /** One referral, for its sender, its receiver, or whoever sees the shared plan. */
    @Transactional
    public Referral get(Actor actor, UUID referralId) {
        Referral r = referrals.byId(referralId).orElseThrow(() -> new NotFoundException("referral"));
        requireReader(actor);
        AccessBasis basis;
        if (actor.organisationId().equals(r.toOrganisationId()) && r.consentId() != null
                && !actor.organisationId().equals(r.fromOrganisationId())) {
            basis = AccessBasis.consent(r.consentId(), "REMISS");
        } else {
            PlanAccess.View view = access.view(actor, r.personId());
            if (!visible(r, view)) {
                throw new AccessDeniedException("referral not visible");
            }
            basis = view.basis();
        }
        audit.record(actor, r.personId(), AuditAction.READ, basis, "remiss " + referralId);
        return r;
    }

    /**
     * Names of the persons on the referral lists, for display; the lists themselves audited each person shown.
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> names(List<UUID> personIds) {
        return referrals.names(personIds);
    }

    /** Still SKICKAD or MOTTAGEN when the response time (lots.plan.referral-response-days) has passed. */
    public boolean unanswered(Referral r, LocalDate today) {
        return (r.status() == ReferralStatus.SKICKAD || r.status() == ReferralStatus.MOTTAGEN)
                && !today.isBefore(r.sentOn(clock.getZone()).plusDays(responseDays));
    }

    public int responseDays() {
        return responseDays;
    }

    /** Per receiving organisation and unit, among referrals sent by or to the actor's organisation. */
    @Transactional(readOnly = true)
    public List<WaitingTime> waitingTimes(Actor actor) {
        requireReader(actor);
        return referrals.waitingTimes(actor.organisationId(), today(), responseDays, clock.getZone());
    }

    private static boolean visible(Referral r, PlanAccess.View view) {
        return view.showsReferral(r.fromOrganisationId(), r.toOrganisationId());
    }

    /** An active consent from the holder to the receiver covering the plan, any purpose; null when there is none. */
    private UUID consentTo(UUID personId, OrganisationId holder, OrganisationId to) {
        LocalDate today = today();
        return consents.forPerson(personId).stream()
                .filter(c -> c.fromOrganisationId().equals(holder) && c.toOrganisationId().equals(to)
                && c.activeOn(today)
                        && c.scope().contains(ConsentScope.PLAN))
                .map(Consent::id).findFirst().orElse(null);
    }

    private boolean unitOf(OrganisationId organisationId, long unitId) {
        return organisations.units(organisationId).stream().map(OrganisationUnit::id).anyMatch(id -> id == unitId);
    }

    private static Long number(Validation v, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            v.reject(field, "validation.invalidValue");
            return null;
        }
    }

    private static DefaultMessageSourceResolvable label(ReferralStatus s) {
        return new DefaultMessageSourceResolvable(new String[] {s.messageKey()}, s.name());
    }

    private static void requireReader(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read referrals");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
