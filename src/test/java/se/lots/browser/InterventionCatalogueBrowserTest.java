package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * A förbund facilitator adds a provider and two interventions in headless Chromium; the coverage map's cell for
 * them goes up by two and drills down to exactly those interventions; the public catalogue then lists both without
 * login and without the contact person; axe finds nothing serious on the pages, the map and its views included.
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
        // the coverage map before: interventions for 20–24 with the first need, in Svalöv
        browser.open("/insatser/karta?area=1214");
        String cell = "#coverage-table tbody tr:first-child td[data-band='20-24']";
        int before = leadingNumber(browser.text(cell));
        String needId = browser.find(cell).getAttribute("data-need");
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

        // both are for 16–29 with the first need in Svalöv: the map's cell goes up by two, in the table and the SVG
        browser.open("/insatser/karta?area=1214");
        assertThat(leadingNumber(browser.text(cell))).isEqualTo(before + 2);
        assertThat(browser.find("#coverage-svg g.coverage-cell[data-band='20-24'][data-need='" + needId + "']")
                .getAttribute("data-count")).isEqualTo(String.valueOf(before + 2));
        assertThat(browser.find("#coverage-svg").getAttribute("role")).isEqualTo("img");
        browser.assertAccessible("coverage map");
        // drill down: the search shows exactly the cell's interventions
        browser.clickAndWait(cell + " a");
        assertThat(browser.path()).startsWith("/insatser?band=20-24&need=" + needId);
        assertThat(browser.text("#hit-count")).isEqualTo("Träffar: " + (before + 2));
        assertThat(browser.text("#band-filter")).contains("20–24");
        browser.open("/insatser/karta/aktorer?area=1214");
        assertThat(browser.source()).contains("Allmän kurs " + m, "Folkhögskolan " + m);
        browser.assertAccessible("actors per intervention");
        browser.open("/insatser/karta/parter?area=1214");
        assertThat(browser.source()).contains("Folkhögskolan " + m);
        browser.assertAccessible("interventions per party");
        browser.open("/insatser/karta/overlapp?area=1214");
        browser.assertAccessible("overlaps");

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

    private static int leadingNumber(String text) {
        var m = java.util.regex.Pattern.compile("^\\s*([0-9]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
