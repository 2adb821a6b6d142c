package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * Issue 6's journey in headless Chromium. A förbund facilitator adds a provider (Region Skåne's youth clinic) and
 * two interventions through the forms; a case worker goes from a young person's plan to "Hitta insats", saves the
 * person's need and sends a referral to one of the new interventions (three clicks); the coverage map's cell for
 * them has gone up by two, in the table and the SVG, and drills down to exactly that many; the public catalogue
 * lists both without login and without personal data (neither the contact person, nor who edited, nor the young
 * person). axe finds nothing serious on the forms, the map and its views, the search, the public list and the
 * public page of an intervention.
 */
@IntegrationTest
class InterventionMapJourneyBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    CurrentActor actors;
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

    /** For ages 16–29 (the form's default), the first need, Svalöv, 6 open places, no waiting time. */
    private void addIntervention(String name, String kind) {
        browser.type("name", name);
        browser.type("description", "Studier i liten grupp, i din egen takt.");
        browser.find("#kind-" + kind).click();
        browser.find("#needIds input[type=checkbox]").click();
        browser.type("capacity", "10");
        browser.type("occupancy", "4");
        // no waiting: the case worker's proposals list it before the many others with the same need
        browser.type("waitingDays", "0");
        browser.choose("municipalityCodes", "1214");
        browser.clickAndWait("#save-intervention");
        assertThat(browser.path()).matches("/insatser/[0-9]+");
        assertThat(browser.text(".notice")).isEqualTo("Insatsen är sparad.");
    }

    @Test
    void aFacilitatorAddsInterventionsACaseWorkerRefersToOneTheMapAndThePublicPageShowThem() {
        String m = "Vxq" + (System.nanoTime() % 1_000_000);
        browser.on(port).loginAs("forbund");
        // the coverage map before: interventions for 20–24 with the first need, in Svalöv
        browser.open("/insatser/karta?area=1214");
        String cell = "#coverage-table tbody tr:first-child td[data-band='20-24']";
        int before = leadingNumber(browser.text(cell));
        String needId = browser.find(cell).getAttribute("data-need");
        String needCode = jdbc.sql("SELECT code FROM need WHERE id = ?").param(Long.valueOf(needId))
                .query(String.class).single();

        // 1. the facilitator: a provider in Lots (so that a referral can go to it) and two interventions
        browser.clickAndWait(browser.driver().findElement(By.linkText("Insatser")));
        browser.clickAndWait("#providers-link");
        browser.clickAndWait("#new-provider");
        new Select(browser.find("#organisationId")).selectByVisibleText("Region Skåne");
        new Select(browser.find("#unitId")).selectByVisibleText("Ungdomsmottagningen");
        browser.choose("partyType", "REGION");
        browser.type("contactName", "Petra Kontaktperson");
        browser.type("phone", "0418-45 61 00");
        browser.type("email", "umo@region.example.se");
        browser.type("openingHours", "Mån–fre 8–16");
        browser.assertAccessible("provider form");
        browser.clickAndWait("#save-provider");
        assertThat(browser.path()).startsWith("/insatser/ny?provider=");
        String newIntervention = browser.path();
        // the provider's history: created by the facilitator, with what was saved
        browser.open("/insatser/utforare/" + newIntervention.substring("/insatser/ny?provider=".length()) + "/historik");
        assertThat(browser.text("#versions")).contains("Fredrik Öberg", "skapad");
        assertThat(browser.source()).contains("0418-45 61 00");
        browser.assertAccessible("provider history");
        browser.open(newIntervention);
        browser.assertAccessible("intervention form");
        addIntervention("Allmän kurs " + m, "UTBILDNING");
        long course = Long.parseLong(browser.path().substring("/insatser/".length()));
        browser.clickAndWait("#history-link");
        assertThat(browser.text("#versions")).contains("Fredrik Öberg", "skapad");
        browser.assertAccessible("intervention history");
        browser.open(newIntervention);
        addIntervention("Studiecirkel " + m, "AKTIVITET");
        browser.open("/insatser?q=" + m);
        assertThat(browser.text("#hit-count")).isEqualTo("Träffar: 2");
        assertThat(browser.text("#results")).contains("Allmän kurs " + m, "Studiecirkel " + m,
                "Region Skåne – Ungdomsmottagningen");
        browser.assertAccessible("intervention search");

        // 2. a case worker, from a young person's plan to a sent referral in three clicks
        var coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Hanna", "Resansson")
                .withoutNumber(LocalDate.now().minusYears(20).toString()).build()).id();
        consents.record(coach, person, coach.organisationId(), new NewConsent(null,
                actors.byUsername("vardcentral").organisationId(), ConsentPurpose.REMISS,
                List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT, null,
                LocalDate.now().plusMonths(6)));
        browser.logout();
        browser.loginAs("coach");
        browser.open("/persons/" + person + "/plan");
        browser.clickAndWait("#start-plan");
        browser.clickAndWait("#find-intervention");                                        // 1
        browser.find("#need-" + needCode).click();
        browser.clickAndWait("#save-needs");                                               // 2
        assertThat(browser.text("[role=status]")).contains("Behoven är sparade");
        assertThat(browser.text("#proposal-" + course)).contains("Allmän kurs " + m, "Åldern 20 ryms i 16–29 år",
                "6 lediga platser");
        browser.assertAccessible("find intervention");
        browser.clickAndWait("#proposal-" + course + " button.send-referral");             // 3
        assertThat(browser.text("[role=status]")).contains("Remissen är skickad");
        assertThat(browser.text("#remisser")).contains("Region Skåne", "Plats i Allmän kurs " + m, "skickad");
        assertThat(jdbc.sql("SELECT intervention_id FROM referral WHERE person_id = ?").param(person)
                .query(Long.class).single()).isEqualTo(course);

        // 3. the coverage map: the cell has gone up by two, in the table and the SVG, and drills down to them
        browser.open("/insatser/karta?area=1214");
        assertThat(leadingNumber(browser.text(cell))).isEqualTo(before + 2);
        assertThat(browser.find("#coverage-svg g.coverage-cell[data-band='20-24'][data-need='" + needId + "']")
                .getAttribute("data-count")).isEqualTo(String.valueOf(before + 2));
        assertThat(browser.find("#coverage-svg").getAttribute("role")).isEqualTo("img");
        browser.assertAccessible("coverage map");
        browser.clickAndWait(cell + " a");
        assertThat(browser.path()).startsWith("/insatser?band=20-24&need=" + needId);
        assertThat(browser.text("#hit-count")).isEqualTo("Träffar: " + (before + 2));
        assertThat(browser.text("#band-filter")).contains("20–24");
        browser.open("/insatser/karta/aktorer?area=1214");
        assertThat(browser.source()).contains("Allmän kurs " + m, "Region Skåne – Ungdomsmottagningen");
        browser.assertAccessible("actors per intervention");
        browser.open("/insatser/karta/parter?area=1214");
        assertThat(browser.source()).contains("Region Skåne – Ungdomsmottagningen");
        browser.assertAccessible("interventions per party");
        browser.open("/insatser/karta/overlapp?area=1214");
        browser.assertAccessible("overlaps");

        // 4. the public page, without login: both listed, no personal data
        browser.forgetSession();
        browser.open("/katalog?q=" + m);
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.path()).startsWith("/katalog");
        assertThat(browser.text("#results")).contains("Allmän kurs " + m, "Studiecirkel " + m);
        assertThat(browser.source()).doesNotContain("Petra Kontaktperson").doesNotContain("Fredrik Öberg")
                .doesNotContain("Resansson").doesNotContain("Logga ut");
        browser.assertAccessible("public catalogue");
        browser.open("/katalog");
        assertThat(browser.status()).isEqualTo(200);
        browser.assertAccessible("public catalogue, unfiltered");
        browser.open("/katalog?q=" + m);
        browser.clickAndWait(browser.driver().findElement(By.linkText("Allmän kurs " + m)));
        assertThat(browser.text("#fact-contact")).contains("0418-45 61 00", "umo@region.example.se")
                .doesNotContain("Petra");
        assertThat(browser.source()).doesNotContain("Resansson");
        browser.assertAccessible("public intervention");
    }

    private static int leadingNumber(String text) {
        var m = java.util.regex.Pattern.compile("^\\s*([0-9]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
