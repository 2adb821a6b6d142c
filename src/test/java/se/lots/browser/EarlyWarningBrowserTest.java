package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;

/** A KAA coordinator imports a school's absence report, finds the flagged student and records a call, in Chromium. */
@IntegrationTest
class EarlyWarningBrowserTest {

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
    void aCoordinatorImportsAbsenceFindsTheFlaggedStudentAndRecordsACall() throws IOException {
        var coordinator = fixture.newMunicipality();
        String earlier = YearMonth.now().minusMonths(2).toString();
        String last = YearMonth.now().minusMonths(1).toString();
        Path report = Files.createTempFile("franvaro", ".csv");
        Files.writeString(report, """
                personnummer;förnamn;efternamn;skola;skolans kommun;program;period;frånvaro %%;risk för avbrott
                %1$s;Ines;Frånvarosson;Söderslättsgymnasiet;1283;EL;%3$s;9,5;nej
                %1$s;Ines;Frånvarosson;Söderslättsgymnasiet;1283;EL;%4$s;24,5;nej
                %2$s;Otto;Närvarosson;Bjuvs gymnasium;1260;NA;%4$s;3;nej
                """.formatted(fixture.kaaAgeNumber(), fixture.kaaAgeNumber(), earlier, last), StandardCharsets.UTF_8);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");

        browser.open("/kaa");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Tidiga signaler: elever med hög frånvaro")));
        browser.clickAndWait(browser.driver().findElement(By.linkText("Läs in frånvaro från skolan")));
        browser.assertAccessible("school signal import");
        browser.find("#file").sendKeys(report.toAbsolutePath().toString());
        browser.clickAndWait("form[enctype] button[type=submit]");

        assertThat(browser.text("#import-flagged")).contains("Ines Frånvarosson", "24,5 %").doesNotContain("Otto");
        assertThat(browser.text("#import-added")).contains("Otto Närvarosson", "Ny i registret");
        browser.assertAccessible("school signal preview");
        browser.clickAndWait("#confirm-import");
        assertThat(browser.text(".notice")).isEqualTo("Frånvarorapporten är inläst: 3 nya och 0 ändrade signaler, 1 flaggade.");

        assertThat(browser.text("#ew-count")).isEqualTo("2 elever, varav 1 flaggade");
        assertThat(browser.text("#early-warning")).contains("Ines Frånvarosson", "Flaggad", earlier + ": 9,5 %",
                last + ": 24,5 %", "Trend: ökar");
        browser.assertAccessible("early warning list");
        browser.find("#flaggedOnly").click();
        browser.clickAndWait("#ew-filter button[type=submit]");
        assertThat(browser.text("#early-warning")).contains("Ines").doesNotContain("Otto");

        browser.clickAndWait(browser.driver().findElement(By.linkText("Ines Frånvarosson")));
        browser.assertAccessible("early warning student");
        browser.choose("channel", "TELEFON");
        browser.choose("outcome", "NADD");
        browser.type("note", "Ringde Ines, bokade möte med studievägledaren.");
        browser.clickAndWait("#contact-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Kontaktförsöket är sparat.");
        assertThat(browser.text("#contacts")).contains("Telefon", "Nådd", "Ringde Ines");
        assertThat(browser.source()).doesNotContain("Perioder i målgruppen");
    }
}
