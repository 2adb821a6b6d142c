package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.security.Actor;

/**
 * Gallring in headless Chromium: one administrator prepares the run from the dry run and cannot approve it herself;
 * another administrator of the municipality approves and executes it; the run's page and the list then show who did
 * what and what was removed. axe on every page on the way.
 */
@IntegrationTest
class RetentionRunBrowserTest {

    private static final String PASSWORD = "ett-langt-losenord";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    OrganisationService organisations;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void oneAdministratorPreparesAndAnotherApprovesAndExecutes() {
        Actor coordinator = fixture.newMunicipality();
        long org = coordinator.organisationId().value();
        String preparer = "gallrare-b-" + org;
        String approver = "arkivansvarig-b-" + org;
        organisations.createUser(new NewUser(preparer, PASSWORD, "Gun Gallrare", Role.ADMIN,
                coordinator.organisationId(), null));
        organisations.createUser(new NewUser(approver, PASSWORD, "Arne Arkivansvarig", Role.ADMIN,
                coordinator.organisationId(), null));
        var builder = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID ada = builder.person("Ada", "kvinna").person("Bo", "man").build()[0];
        builder.registeredOn(ada, LocalDate.of(2019, 9, 1));
        builder.exited(ada, LocalDate.of(2020, 1, 10), ExitReason.FLYTTAT);

        browser.on(port).login(preparer, PASSWORD);
        browser.open("/admin/gallring/provkorning");
        assertThat(browser.text("#due-kaa")).contains("Period i aktivitetsansvaret: 1");
        browser.assertAccessible("retention dry run with prepare");
        browser.clickAndWait("#prepare button");
        assertThat(browser.path()).startsWith("/admin/gallring/korningar/");
        String runPage = browser.path();
        assertThat(browser.text(".notice")).contains("Gallringen är förberedd");
        assertThat(browser.text("#run-status")).contains("Förberedd");
        assertThat(browser.text("#prepared-by")).contains("Gun Gallrare");
        assertThat(browser.text("#line-kaa")).contains("Skollagen 29 kap. 9 §", "1 personer",
                "Period i aktivitetsansvaret: 1");
        assertThat(browser.text("#own-run")).contains("En annan administratör");
        assertThat(browser.findAll("#approve")).as("the preparer cannot approve").isEmpty();
        browser.assertAccessible("retention run prepared");

        browser.login(approver, PASSWORD);
        browser.open(runPage);
        browser.clickAndWait("#approve button");
        assertThat(browser.text(".notice")).contains("Gallringen är godkänd");
        assertThat(browser.text("#approved-by")).contains("Arne Arkivansvarig");
        assertThat(browser.text("#run-status")).contains("Godkänd");
        browser.assertAccessible("retention run approved");
        browser.clickAndWait("#execute button");
        assertThat(browser.text(".notice")).contains("Gallringen är genomförd");
        assertThat(browser.text("#run-status")).contains("Genomförd");
        assertThat(browser.text("#executed-by")).contains("Arne Arkivansvarig");
        assertThat(browser.findAll("#execute")).isEmpty();
        browser.assertAccessible("retention run done");
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE person_id = ?").param(ada).query(Long.class)
                .single()).isZero();

        browser.open("/admin/gallring");
        assertThat(browser.text("#retention-runs")).contains(LocalDate.now().toString(), "Genomförd", "Gun Gallrare",
                "Arne Arkivansvarig");
        browser.assertAccessible("retention rules and runs");
    }
}
