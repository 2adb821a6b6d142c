package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;

/** A KAA coordinator registers a measure and sees the half-year figure change, in headless Chromium. */
@IntegrationTest
class KaaMeasuresBrowserTest {

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

    private static String offeredPraktik() {
        return browser.text("#table-OFFERED tr[data-key=PRAKTIK] td");
    }

    @Test
    void aCoordinatorRegistersAnOfferedMeasureAndTheHalfYearFigureCountsIt() throws IOException {
        var coordinator = fixture.newMunicipality();
        Path list = Files.createTempFile("kaa-lista", ".csv");
        Files.writeString(list, "personnummer;förnamn;efternamn;situation\n%s;Selma;Åtgärdsson;studiebevis\n"
                .formatted(fixture.kaaAgeNumber()), StandardCharsets.UTF_8);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");
        browser.open("/kaa/import");
        browser.find("#file").sendKeys(list.toAbsolutePath().toString());
        browser.clickAndWait("form[enctype] button[type=submit]");
        browser.clickAndWait("#confirm-import");

        browser.open("/kaa");
        browser.clickAndWait("#figures-link");
        assertThat(browser.text("#suppression-note")).contains("exakta antal");
        assertThat(offeredPraktik()).isEqualTo("0");
        browser.assertAccessible("kaa figures");

        browser.open("/kaa");
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Selma Åtgärdsson")));
        browser.find("#new-measure summary").click();
        browser.choose("measure-category", "PRAKTIK");
        browser.choose("measure-responsible", "KOMMUN");
        browser.type("measure-content", "Praktik i butik tre dagar i veckan");
        browser.clickAndWait("#measure-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Åtgärden är sparad.");
        assertThat(browser.text("#measure-list")).contains("Praktik", "Första erbjudna", "Kommunen");
        browser.assertAccessible("kaa person with a measure");

        browser.open("/kaa/figures");
        assertThat(offeredPraktik()).isEqualTo("1");
        browser.clickAndWait("#toggle-reporting");
        assertThat(offeredPraktik()).isEqualTo("<5");
        assertThat(browser.text("#figures-total")).contains("<5");
        browser.assertAccessible("kaa figures for reporting");
    }
}
