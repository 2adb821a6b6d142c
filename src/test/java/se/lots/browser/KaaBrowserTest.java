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

/** A KAA coordinator imports the school's list, confirms the diff and works the worklist, in headless Chromium. */
@IntegrationTest
class KaaBrowserTest {

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
    void aCoordinatorImportsTheListConfirmsAndReachesSomeoneOnAHomeVisit() throws IOException {
        var coordinator = fixture.newMunicipality();
        Path list = Files.createTempFile("kaa-lista", ".csv");
        Files.writeString(list, """
                personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;program;mentor
                %s;Alva;Listström;avbrutit nationellt program;Storgatan 1;267 31;Bjuv;Söderslättsgymnasiet;EL;Eva
                %s;Hugo;Listström;studiebevis;Storgatan 2;267 31;Bjuv;Söderslättsgymnasiet;BA;Eva
                """.formatted(fixture.kaaAgeNumber(), fixture.kaaAgeNumber()), StandardCharsets.UTF_8);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");

        browser.open("/kaa/import");
        browser.assertAccessible("kaa import");
        browser.find("#file").sendKeys(list.toAbsolutePath().toString());
        browser.clickAndWait("form[enctype] button[type=submit]");

        assertThat(browser.text("#import-added")).contains("Alva Listström", "Hugo Listström", "Slutat med studiebevis");
        assertThat(browser.text("#unknown-columns")).contains("”mentor” (kolumn 10) är ingen känd kolumn");
        browser.assertAccessible("kaa import preview");
        browser.clickAndWait("#confirm-import");
        assertThat(browser.text(".notice")).isEqualTo("Listan är inläst: 2 nya, 0 ändrade, 0 avslutade.");

        browser.open("/kaa");
        assertThat(browser.text("#not-known-share")).isEqualTo("100 %");
        assertThat(browser.text("#worklist")).contains("Alva Listström", "Hugo Listström", "Ny");
        browser.assertAccessible("kaa worklist");

        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Alva Listström")));
        browser.assertAccessible("kaa person");
        browser.choose("channel", "HEMBESOK");
        browser.choose("outcome", "NADD");
        browser.choose("newStatus", "KONTAKTAD");
        browser.choose("newSource", "UNGDOMEN");
        browser.type("note", "Träffade Alva hemma, bokade tid på AME.");
        browser.clickAndWait("#contact-form button[type=submit]");

        assertThat(browser.text(".notice")).isEqualTo("Kontaktförsöket är sparat.");
        assertThat(browser.text("#statuses")).contains("Kontaktad", "Den unge");
        assertThat(browser.text("#contacts")).contains("Hembesök", "Nådd", "Träffade Alva hemma");

        browser.open("/kaa");
        assertThat(browser.text("#not-known-share")).isEqualTo("50 %");
        browser.choose("filter", "NOT_KNOWN");
        browser.clickAndWait(".inline-form button[type=submit]");
        assertThat(browser.text("#worklist")).contains("Hugo Listström").doesNotContain("Alva Listström");
    }
}
