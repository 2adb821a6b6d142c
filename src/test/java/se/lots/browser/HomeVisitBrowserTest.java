package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;

/** A KAA coordinator plans a day of home visits from the worklist, prints the route sheet and records outcomes. */
@IntegrationTest
class HomeVisitBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorPlansADayFromTheWorklistOpensTheRouteSheetAndRecordsAnOutcome() throws IOException {
        var coordinator = fixture.newMunicipality();
        var outreach = fixture.caseWorkerOf(coordinator);
        Path list = Files.createTempFile("kaa-besok", ".csv");
        Files.writeString(list, """
                personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skyddad_identitet
                %s;Alva;Besöksström;studiebevis;Storgatan 1;267 71;Billesholm;nej
                %s;Hugo;Besöksström;studiebevis;Bruksgatan 2;267 31;Bjuv;nej
                %s;Saga;Besöksström;studiebevis;;;;ja
                """.formatted(fixture.kaaAgeNumber(), fixture.kaaAgeNumber(), fixture.kaaAgeNumber()),
                StandardCharsets.UTF_8);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");
        browser.open("/kaa/import");
        browser.find("#file").sendKeys(list.toAbsolutePath().toString());
        browser.clickAndWait("form[enctype] button[type=submit]");
        browser.clickAndWait("#confirm-import");

        browser.open("/kaa");
        browser.clickAndWait("#plan-visits");
        assertThat(browser.text(".notice")).isEqualTo("Markera minst en person i arbetslistan.");
        browser.findAll("#worklist input[name=episode]").forEach(box -> box.click());
        browser.clickAndWait("#plan-visits");

        assertThat(browser.text("main h1")).isEqualTo("Planera en dag med hembesök");
        assertThat(browser.text("#not-plannable")).contains("Saga Besöksström – kan inte planeras: skyddad folkbokföring");
        assertThat(browser.text("#plan-form")).contains("Bjuv (Bjuvs kommun)", "Billesholm (Bjuvs kommun)");
        assertThat(browser.text(".routine")).contains("Vi går alltid två personal tillsammans");
        browser.assertAccessible("home visit plan");
        browser.choose("firstStaffId", String.valueOf(coordinator.userId()));
        browser.choose("secondStaffId", String.valueOf(coordinator.userId()));
        browser.clickAndWait("#plan-form button[type=submit]");
        assertThat(browser.text(".errors-summary")).contains("Personal 2: välj en annan person än personal 1",
                "Telefonnummer: ange numret");
        browser.assertAccessible("home visit plan with errors");
        browser.choose("secondStaffId", String.valueOf(outreach.userId()));
        browser.type("contactPhone", "0418-123 45");
        browser.clickAndWait("#plan-form button[type=submit]");

        assertThat(browser.text(".notice")).startsWith("Hembesöksdagen är planerad.");
        assertThat(browser.text("#outcome-form")).contains("Hugo Besöksström", "Alva Besöksström")
                .doesNotContain("Saga");
        browser.assertAccessible("home visit day");
        String dayPath = browser.path();

        browser.clickAndWait(browser.driver().findElement(By.linkText("Körlista att skriva ut")));
        assertThat(browser.text("main")).contains("Bruksgatan 2", "267 31 Bjuv", "träffad", "ej hemma",
                "lämnat kort").doesNotContain("Saga");
        browser.assertAccessible("home visit route sheet");

        browser.open(dayPath);
        // the day is changed: another phone on the card, and Alva is taken off (she called back)
        browser.find("#change-day summary").click();
        browser.type("contactPhone", "0418-777 77");
        browser.clickAndWait("#save-change");
        assertThat(browser.text(".notice")).startsWith("Dagen är ändrad.");
        assertThat(browser.text("main")).contains("Telefon på kortet: 0418-777 77");
        var alva = browser.findAll("#outcome-form tbody tr").stream()
                .filter(r -> r.getText().contains("Alva Besöksström")).findFirst().orElseThrow();
        browser.clickAndWait(alva.findElement(By.cssSelector("button[form=remove-form]")));
        assertThat(browser.text(".notice")).isEqualTo("Personen är borttagen från dagen.");
        assertThat(browser.text("#outcome-form")).contains("Hugo Besöksström").doesNotContain("Alva");
        browser.assertAccessible("home visit day after a change");

        var hugo = browser.findAll("#outcome-form select[id^=outcome-]").get(0);
        new org.openqa.selenium.support.ui.Select(hugo).selectByValue("NADD");
        browser.clickAndWait("#save-outcomes");
        assertThat(browser.text(".notice")).isEqualTo("Utfallen är sparade: 1 kontaktförsök.");
        assertThat(browser.text("#outcome-form")).contains("Infört: Nådd");

        // the rest of the day is called off: it stays in the list as cancelled, with nothing left to print
        browser.find("#cancel-day summary").click();
        browser.type("reason", "Snöstorm");
        browser.clickAndWait("#confirm-cancel");
        assertThat(browser.text(".notice")).isEqualTo("Dagen är inställd.");
        assertThat(browser.text("#day-cancelled")).contains("Orsak: Snöstorm");
        assertThat(browser.findAll("#documents")).isEmpty();
        assertThat(browser.findAll("#outcome-form")).isEmpty();
        browser.assertAccessible("cancelled home visit day");

        browser.open("/kaa/visits");
        assertThat(browser.text("#visit-days")).contains("Kim Samordnare", "Uma Uppsökare", "Inställd");
        browser.assertAccessible("home visit days");
    }
}
