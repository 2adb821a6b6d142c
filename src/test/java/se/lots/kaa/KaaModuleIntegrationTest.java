package se.lots.kaa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.KaaService.StatusInput;
import se.lots.kaa.register.KaaStatus;
import se.lots.kaa.register.StatusRecord;
import se.lots.kaa.register.Worklist;
import se.lots.registry.RegistryService;

/**
 * The KAA register starts with the modules whose beans it uses, and theirs (registry, consent, audit, security,
 * organisation, reference, database), without plan, progression, web or the demo data. It cannot start with only its
 * direct dependencies: the registry's services need consent's {@code AccessPolicy}, and the audit module's
 * {@code AccountActivationAudit} needs security's {@code CurrentActor}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class KaaModuleIntegrationTest {

    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    RegistryService registry;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aYoungPersonOnTheSchoolsListIsNotKnownUntilTheCoordinatorRecordsAStatus() {
        var coordinator = fixture.newMunicipality();
        UUID person = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Moa", "kvinna").build()[0];

        var listed = kaa.person(coordinator, person);
        assertThat(listed.openEpisode()).isPresent();
        assertThat(listed.current()).map(StatusRecord::status).contains(KaaStatus.OKAND);
        assertThat(registry.read(coordinator, person).person().firstName()).isEqualTo("Moa");

        kaa.recordStatus(coordinator, person, new StatusInput("STUDERAR", "FOLKHOGSKOLA", "Allmän kurs",
                LocalDate.now().toString(), "SKOLAN", null));

        assertThat(kaa.person(coordinator, person).current()).map(StatusRecord::status)
                .contains(KaaStatus.STUDERAR);
        assertThat(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows())
                .singleElement().satisfies(row -> {
                    assertThat(row.personId()).isEqualTo(person);
                    assertThat(row.status()).isEqualTo(KaaStatus.STUDERAR);
                });
        assertThat(kaa.worklist(coordinator, Worklist.Filter.NOT_KNOWN, Worklist.Sort.NAME, 0).rows()).isEmpty();
    }
}
