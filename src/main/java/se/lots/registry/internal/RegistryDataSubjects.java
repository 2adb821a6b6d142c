package se.lots.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.PersonHoldings;
import se.lots.organisation.OrganisationId;
import se.lots.privacy.DataSubject;
import se.lots.privacy.DataSubjects;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;

/** The registry's persons for the register extract (the privacy module's port). */
@Component
class RegistryDataSubjects implements DataSubjects {

    private final YoungPersons persons;
    private final RegistryService registry;
    private final AuditLog audit;
    private final PersonHoldings holdings;
    private final Clock clock;

    RegistryDataSubjects(YoungPersons persons, RegistryService registry, AuditLog audit, PersonHoldings holdings,
            Clock clock) {
        this.persons = persons;
        this.registry = registry;
        this.audit = audit;
        this.holdings = holdings;
        this.clock = clock;
    }

    @Override
    public Optional<UUID> idByIdentity(String identity) {
        String typed = identity.strip();
        if (typed.toUpperCase(java.util.Locale.ROOT).startsWith("RES-")) {
            return persons.byReserveIdentities(List.of(typed.toUpperCase(java.util.Locale.ROOT))).stream()
                    .map(YoungPerson::id).findFirst();
        }
        try {
            return persons.idByPersonalIdentityNumber(PersonalIdentityNumber.parse(typed, LocalDate.now(clock)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<OrganisationId> holder(UUID personId) {
        return persons.owner(personId);
    }

    @Override
    @Transactional
    public Optional<DataSubject> read(Actor actor, UUID personId) {
        return registry.readIfAllowed(actor, personId).map(read -> subject(read.person()));
    }

    @Override
    @Transactional
    public Map<UUID, DataSubject> readAll(Actor actor, Collection<UUID> personIds) {
        var subjects = new HashMap<UUID, DataSubject>();
        registry.readAllIfAllowed(actor, personIds).forEach((id, read) -> subjects.put(id, subject(read.person())));
        return subjects;
    }

    @Override
    @Transactional
    public void recordExport(Actor actor, UUID personId, String detail) {
        // only the holding organisation makes an extract (the privacy module checks it before it asks)
        audit.record(actor, personId, AuditAction.EXPORT, AccessBasis.OWN_ORGANISATION, detail);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int forget(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return 0;
        }
        // which lines held them is no record of its own: it goes with them (the consent register's rule)
        holdings.forget(personIds);
        int removed = persons.remove(personIds);
        for (UUID id : personIds) {
            audit.forgetPerson(id);
        }
        return removed;
    }

    private static DataSubject subject(YoungPerson p) {
        return new DataSubject(p.id(), p.displayName(), p.displayIdentity(), p.birthDate(), p.birthYear(),
                p.protectedIdentity(),
                p.ownerOrganisationId());
    }
}
