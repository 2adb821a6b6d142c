package se.lots.registry;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.lots.audit.PersonLookup;

@Component
class RegistryPersonLookup implements PersonLookup {

    private final YoungPersons persons;

    RegistryPersonLookup(YoungPersons persons) {
        this.persons = persons;
    }

    @Override
    public Optional<UUID> idByPersonalIdentityNumber(String personalIdentityNumber) {
        return persons.idByPersonalIdentityNumber(PersonalIdentityNumber.parse(personalIdentityNumber));
    }
}
