package se.lots.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.consent.internal.Consents;
import se.lots.consent.internal.EmergencyAccesses;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/**
 * Refused by default. A person's record is open to the organisation that holds it, to another organisation
 * through a valid consent covering the scope, and to one user for a few hours through emergency access.
 * Roles that do not work with young persons (analyst, auditor, admin, förbund officer) never read it.
 */
@Service
public class AccessPolicy {

    private final Consents consents;
    private final EmergencyAccesses emergencyAccesses;
    private final Clock clock;

    AccessPolicy(Consents consents, EmergencyAccesses emergencyAccesses, Clock clock) {
        this.consents = consents;
        this.emergencyAccesses = emergencyAccesses;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Access decide(Actor actor, UUID personId, OrganisationId ownerOrganisationId, ConsentScope scope) {
        if (!actor.readsPersonalData()) {
            return Access.DENIED;
        }
        if (actor.organisationId().equals(ownerOrganisationId)) {
            return Access.granted(AccessBasis.OWN_ORGANISATION);
        }
        var consent = consents.activeFor(personId, ownerOrganisationId, actor.organisationId(), scope,
                LocalDate.now(clock));
        if (consent.isPresent()) {
            return Access.granted(AccessBasis.consent(consent.get().id(), consent.get().purpose().name()));
        }
        return emergencyAccesses.active(actor.userId(), personId, clock.instant())
                .map(e -> Access.granted(AccessBasis.emergency(e.reason())))
                .orElse(Access.DENIED);
    }

    /** Persons outside the actor's own organisation whose record the actor may see now (consent or emergency). */
    @Transactional(readOnly = true)
    public Set<UUID> sharedWith(Actor actor, ConsentScope scope) {
        if (!actor.readsPersonalData()) {
            return Set.of();
        }
        var ids = new HashSet<>(consents.sharedWith(actor.organisationId(), scope, LocalDate.now(clock)));
        ids.addAll(emergencyAccesses.activePersons(actor.userId(), clock.instant()));
        return ids;
    }
}
