package se.lots.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.lots.audit.PersonLookup;
import se.lots.registry.PersonalIdentityNumber;

@Component
class RegistryPersonLookup implements PersonLookup {

    private final YoungPersons persons;
    private final Clock clock;

    RegistryPersonLookup(YoungPersons persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    public Optional<UUID> idByPersonalIdentityNumber(String personalIdentityNumber) {
        return persons.idByPersonalIdentityNumber(PersonalIdentityNumber.parse(personalIdentityNumber,
                LocalDate.now(clock)));
    }
}
