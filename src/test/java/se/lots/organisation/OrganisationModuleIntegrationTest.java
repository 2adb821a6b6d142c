package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.reference.MunicipalityCode;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

/**
 * Organisations and users start with only what the module declares (reference data, the shared kernel) and the
 * database: no security module, no demo data.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrganisationModuleIntegrationTest {

    @Autowired
    OrganisationService service;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts users;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anOrganisationWithAUnitAndAUserIsCreatedAndReadBack() {
        var created = service.create(new NewOrganisation("Modulkommunen", PartyType.KOMMUN, "1214", null,
                List.of("Ungdomsenheten")));
        var unit = organisations.units(created.id()).get(0);

        var user = service.createUser(new NewUser("modul.handlaggare", "tre ord i rad och en häst", "Modul Handläggare",
                Role.CASE_WORKER, created.id(), unit.id()));

        assertThat(organisations.byId(created.id())).contains(created);
        assertThat(created.municipalityCode()).isEqualTo(new MunicipalityCode("1214"));
        assertThat(unit.name()).isEqualTo("Ungdomsenheten");
        var read = users.byUsername("modul.handlaggare").orElseThrow();
        assertThat(read.id()).isEqualTo(user.id());
        assertThat(read.organisationId()).isEqualTo(created.id());
        assertThat(read.role()).isEqualTo(Role.CASE_WORKER);
        assertThat(users.passwordHash("modul.handlaggare")).hasValueSatisfying(
                hash -> assertThat(passwords.matches("tre ord i rad och en häst", hash)).isTrue());
    }

    @Test
    void aWeakPasswordIsRefusedAndNoAccountMade() {
        var created = service.create(new NewOrganisation("Svagkommunen", PartyType.KOMMUN, "1214", null, null));

        assertThatThrownBy(() -> service.createUser(new NewUser("modul.svag", "1234567890", "Svag", Role.ANALYST,
                created.id(), null))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::messageKey)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("password",
                                        "user.passwordTooShort")));
        assertThat(users.byUsername("modul.svag")).isEmpty();
    }
}
