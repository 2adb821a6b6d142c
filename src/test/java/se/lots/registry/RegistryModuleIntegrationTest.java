package se.lots.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.TestNumbers;
import se.lots.audit.AccessBasis;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * The registry starts with the modules whose beans it uses, and theirs (audit, consent, organisation, reference,
 * security), and the database, without KAA or plan, which react to its events.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistryModuleIntegrationTest {

    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @Test
    void aRegisteredPersonIsReadBackByTheHoldingOrganisation() {
        var kaa = coordinator("Registerkommunen", "modul.kaa");
        String pin = TestNumbers.next();

        var person = registry.register(kaa, aYoungPerson().withPin(pin).named("Modul", "Testsson").build());
        var read = registry.read(kaa, person.id());

        assertThat(read.person().personalIdentityNumber().value()).isEqualTo(pin);
        assertThat(read.person().firstName()).isEqualTo("Modul");
        assertThat(read.person().ownerOrganisationId()).isEqualTo(kaa.organisationId());
        assertThat(read.basis()).isEqualTo(AccessBasis.OWN_ORGANISATION);
    }

    @Test
    void aWrongChecksumIsRefused() {
        var kaa = coordinator("Kontrollkommunen", "modul.kontroll");
        String pin = TestNumbers.next();
        String wrong = pin.substring(0, 11) + ((pin.charAt(11) - '0' + 1) % 10);

        assertThatThrownBy(() -> registry.register(kaa, aYoungPerson().withPin(wrong).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("personalIdentityNumber",
                                "pin.invalid.checksum")));
    }

    @Test
    void savingAPersonsDetailsPublishesPersonDetailsSavedWithTheNewNames(AssertablePublishedEvents events) {
        var kaa = coordinator("Händelsekommunen", "modul.handelse");
        var person = registry.register(kaa, aYoungPerson().named("Före", "Namnsson").build());
        var read = PersonInput.of(person);

        registry.update(kaa, person.id(), new PersonInput(read.anonymous(), read.personalIdentityNumber(),
                read.birthDate(), read.birthYear(), "Efter", read.lastName(), read.gender(), read.municipalityCode(),
                read.protectedIdentity(), read.address(), read.phone(), read.email(), read.preferredLanguage(),
                read.interpreterNeeded(), read.guardian(), read.version()));

        assertThat(events).contains(PersonDetailsSaved.class)
                .matching(PersonDetailsSaved::personId, person.id())
                .matching(PersonDetailsSaved::firstName, "Efter");
    }

    private Actor coordinator(String organisationName, String username) {
        var organisation = organisations.create(new NewOrganisation(organisationName, PartyType.KOMMUN, "1214", null,
                null));
        organisations.createUser(new NewUser(username, "tre ord i rad och en häst", username, Role.KAA_COORDINATOR,
                organisation.id(), null));
        return actors.byUsername(username);
    }
}
