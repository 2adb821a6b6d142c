package se.lots.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.consent.internal.Consents;
import se.lots.consent.internal.EmergencyAccesses;
import se.lots.consent.internal.Holdings;
import se.lots.consent.internal.LineDisclosures;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.SecrecyDomain;
import se.lots.security.Actor;

/**
 * Refused by default. A person's record is open to the line of work (and nämnd) of the holding organisation that
 * holds it — to the whole organisation where it is not divided into lines of work —, to another line of the same
 * organisation through a recorded disclosure citing its provision (offentlighets- och sekretesslagen 8 kap. 1 and
 * 2 §§, docs/security.md), to another organisation through a valid consent covering the scope, and to one user for a
 * few hours through emergency access. Roles that do not work with young persons (analyst, auditor, admin, förbund
 * officer) never read it.
 */
@Service
public class AccessPolicy {

    private final Consents consents;
    private final EmergencyAccesses emergencyAccesses;
    private final Holdings holdings;
    private final LineDisclosures disclosures;
    private final Clock clock;

    AccessPolicy(Consents consents, EmergencyAccesses emergencyAccesses, Holdings holdings,
            LineDisclosures disclosures, Clock clock) {
        this.consents = consents;
        this.emergencyAccesses = emergencyAccesses;
        this.holdings = holdings;
        this.disclosures = disclosures;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Access decide(Actor actor, UUID personId, OrganisationId ownerOrganisationId, ConsentScope scope) {
        if (!actor.readsPersonalData()) {
            return Access.DENIED;
        }
        if (actor.organisationId().equals(ownerOrganisationId)) {
            Access own = insideOwnOrganisation(actor, personId);
            if (own.granted()) {
                return own;
            }
        } else {
            var consent = consents.activeFor(personId, ownerOrganisationId, actor.organisationId(), scope,
                    LocalDate.now(clock));
            if (consent.isPresent()) {
                return Access.granted(AccessBasis.consent(consent.get().id(), consent.get().purpose().name()));
            }
        }
        return emergencyAccesses.active(actor.userId(), personId, clock.instant())
                .map(e -> Access.granted(AccessBasis.emergency(e.reason())))
                .orElse(Access.DENIED);
    }

    private Access insideOwnOrganisation(Actor actor, UUID personId) {
        SecrecyDomain domain = actor.domain();
        if (domain == null) {
            return Access.DENIED;
        }
        if (domain.wholeOrganisation() || holdings.holds(personId, domain)) {
            return Access.granted(AccessBasis.OWN_ORGANISATION);
        }
        return disclosures.activeFor(personId, domain, LocalDate.now(clock))
                .map(d -> Access.granted(new AccessBasis(d.provision().basis(), d.id())))
                .orElse(Access.DENIED);
    }

    /**
     * The persons of the actor's own organisation among these whose record the actor's line of work holds (all of
     * them where the organisation is not divided into lines): the basis {@link AccessBasis#OWN_ORGANISATION}. For a
     * list page, which decides the others one by one with {@link #decide}.
     */
    @Transactional(readOnly = true)
    public Set<UUID> heldByOwnLine(Actor actor, Collection<UUID> ownOrganisationsPersons) {
        if (!actor.readsPersonalData() || actor.domain() == null) {
            return Set.of();
        }
        if (actor.domain().wholeOrganisation()) {
            return new HashSet<>(ownOrganisationsPersons);
        }
        return holdings.held(ownOrganisationsPersons, actor.domain());
    }

    /**
     * Persons whose record the actor may see now other than through their own line's holding: another organisation's
     * through consent, another line's of the own organisation through a disclosure, anyone's through emergency access.
     */
    @Transactional(readOnly = true)
    public Set<UUID> sharedWith(Actor actor, ConsentScope scope) {
        if (!actor.readsPersonalData()) {
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock);
        var ids = new HashSet<>(consents.sharedWith(actor.organisationId(), scope, today));
        if (actor.domain() != null && !actor.domain().wholeOrganisation()) {
            ids.addAll(disclosures.disclosedTo(actor.domain(), today));
        }
        ids.addAll(emergencyAccesses.activePersons(actor.userId(), clock.instant()));
        return ids;
    }

    /** Decisions for many persons at once (a list page): those the own line holds in one query, the rest one by one. */
    @Transactional(readOnly = true)
    public Map<UUID, Access> decideAll(Actor actor, Map<UUID, OrganisationId> owners, ConsentScope scope) {
        var decided = new HashMap<UUID, Access>();
        if (!actor.readsPersonalData() || owners.isEmpty()) {
            return decided;
        }
        var own = owners.entrySet().stream().filter(e -> e.getValue().equals(actor.organisationId()))
                .map(Map.Entry::getKey).toList();
        Set<UUID> held = heldByOwnLine(actor, own);
        Set<UUID> shared = null;
        for (var e : owners.entrySet()) {
            if (held.contains(e.getKey())) {
                decided.put(e.getKey(), Access.granted(AccessBasis.OWN_ORGANISATION));
                continue;
            }
            shared = shared == null ? sharedWith(actor, scope) : shared;
            if (shared.contains(e.getKey())) {
                Access access = decide(actor, e.getKey(), e.getValue(), scope);
                if (access.granted()) {
                    decided.put(e.getKey(), access);
                }
            }
        }
        return decided;
    }
}
