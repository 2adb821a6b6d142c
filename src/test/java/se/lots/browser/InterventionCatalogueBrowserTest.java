package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * A förbund facilitator adds a provider and two interventions in headless Chromium; the public catalogue then lists
 * both without login and without the contact person; axe finds nothing serious on the pages.
 */
@IntegrationTest
class InterventionCatalogueBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private void addIntervention(String name, String kind) {
        browser.type("name", name);
        browser.type("description", "Studier i liten grupp, i din egen takt.");
        browser.find("#kind-" + kind).click();
        browser.find("#needIds input[type=checkbox]").click();
        browser.type("capacity", "10");
        browser.type("occupancy", "4");
        browser.choose("municipalityCodes", "1214");
        browser.clickAndWait("#save-intervention");
        assertThat(browser.path()).matches("/insatser/[0-9]+");
        assertThat(browser.text(".notice")).isEqualTo("Insatsen är sparad.");
    }

    @Test
    void aFacilitatorAddsAProviderAndTwoInterventionsAndThePublicPageListsThemWithoutLogin() {
        String m = "Vxq" + (System.nanoTime() % 1_000_000);
        browser.on(port).loginAs("forbund");
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Insatser")));
        browser.clickAndWait("#providers-link");
        browser.clickAndWait("#new-provider");
        browser.type("name", "Folkhögskolan " + m);
        browser.choose("partyType", "SKOLA");
        browser.type("contactName", "Petra Kontaktperson");
        browser.type("phone", "0410-12 34 56");
        browser.type("email", "kurs@folkhogskolan.example.se");
        browser.type("openingHours", "Mån–fre 8–16");
        browser.assertAccessible("provider form");
        browser.clickAndWait("#save-provider");

        assertThat(browser.path()).startsWith("/insatser/ny?provider=");
        String newIntervention = browser.path();
        browser.assertAccessible("intervention form");
        addIntervention("Allmän kurs " + m, "UTBILDNING");
        browser.clickAndWait("#history-link");
        assertThat(browser.text("#versions")).contains("Fredrik Öberg", "skapad");
        browser.assertAccessible("intervention history");
        browser.open(newIntervention);
        addIntervention("Studiecirkel " + m, "AKTIVITET");

        browser.open("/insatser?q=" + m);
        assertThat(browser.text("#hit-count")).isEqualTo("Träffar: 2");
        assertThat(browser.text("#results")).contains("Allmän kurs " + m, "Studiecirkel " + m, "Folkhögskolan " + m);
        browser.assertAccessible("intervention search");

        browser.forgetSession();
        browser.open("/katalog?q=" + m);
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.path()).startsWith("/katalog");
        assertThat(browser.text("#results")).contains("Allmän kurs " + m, "Studiecirkel " + m);
        assertThat(browser.source()).doesNotContain("Petra Kontaktperson").doesNotContain("Fredrik Öberg");
        browser.assertAccessible("public catalogue");

        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Allmän kurs " + m)));
        assertThat(browser.text("#fact-contact")).contains("0410-12 34 56", "kurs@folkhogskolan.example.se")
                .doesNotContain("Petra");
        browser.assertAccessible("public intervention");
    }
}
