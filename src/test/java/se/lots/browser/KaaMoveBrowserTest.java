package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.Organisations;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;

/**
 * A KAA coordinator records a move from the person's KAA page in headless Chromium: first to the own municipality
 * (refused, the field named), then to another; the page then says only where to and when. The new municipality's
 * coordinator finds the handover on the same page. axe on every page on the way.
 */
@IntegrationTest
class KaaMoveBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    Organisations organisations;
    @Autowired
    ReferenceData reference;
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
    void aCoordinatorRecordsAMoveFromThePersonPage() {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor fresh = fixture.newMunicipalityOfItsOwn();
        UUID person = new KaaRegisterBuilder(old, imports, fixture, jdbc).person("Mira", "kvinna").build()[0];
        browser.on(port).login(old.username(), "ett-langt-losenord");
        browser.open("/kaa/persons/" + person);
        browser.assertAccessible("kaa person with moves");

        browser.find("#new-move summary").click();
        browser.choose("toMunicipality", code(old));
        browser.choose("moveSource", "FOLKBOKFORINGEN");
        browser.clickAndWait("#move-save");
        assertThat(browser.status()).isEqualTo(400);
        assertThat(browser.text(".govuk-error-summary")).contains("Ny hemkommun: personen är redan folkbokförd i "
                + name(old));
        browser.assertAccessible("kaa move refused");

        browser.choose("toMunicipality", code(fresh));
        browser.clickAndWait("#move-save");
        assertThat(browser.text(".notice")).contains("Flytten är registrerad", name(fresh));
        assertThat(browser.text("#moved-to")).startsWith("Flyttat till " + name(fresh) + " den ");
        assertThat(browser.text("#moves")).contains(old.displayName(), "Folkbokföringen (Skatteverket)");
        assertThat(browser.findAll("#move-form")).isEmpty();
        browser.assertAccessible("kaa person moved out");

        browser.login(fresh.username(), "ett-langt-losenord");
        browser.open("/kaa/persons/" + person);
        assertThat(browser.text("#identity-only")).contains("samtycke");
        assertThat(browser.text("#episodes")).contains("Inflyttad");
        assertThat(browser.text("#moves")).contains(old.organisationName(), fresh.organisationName());
        browser.assertAccessible("kaa person moved in");
    }

    private String code(Actor actor) {
        return organisations.byId(actor.organisationId()).orElseThrow().municipalityCode().value();
    }

    private String name(Actor actor) {
        return reference.municipality(code(actor)).orElseThrow().name();
    }
}
