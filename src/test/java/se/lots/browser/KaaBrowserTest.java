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

/**
 * A KAA coordinator's year in headless Chromium: imports the school's list, confirms the diff, works the worklist,
 * logs an attempt, exports the worklist, prints a letter, plans a home-visit day, registers a measure and sees the
 * half-year figures change; axe on every page on the way.
 */
@IntegrationTest
class KaaBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void aCoordinatorImportsTheListWorksTheWorklistWritesALetterPlansAVisitAndSeesTheFiguresChange()
            throws IOException {
        var coordinator = fixture.newMunicipality();
        var outreach = fixture.caseWorkerOf(coordinator);
        String alva = fixture.kaaAgeNumber();
        String hugo = fixture.kaaAgeNumber();
        Path list = Files.createTempFile("kaa-lista", ".csv");
        Files.writeString(list, """
                personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skola;program;mentor
                %s;Alva;Listström;avbrutit nationellt program;Storgatan 1;267 31;Bjuv;Söderslättsgymnasiet;EL;Eva
                %s;Hugo;Listström;studiebevis;Storgatan 2;267 31;Bjuv;Söderslättsgymnasiet;BA;Eva
                """.formatted(alva, hugo), StandardCharsets.UTF_8);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");

        browser.open("/kaa/figures");
        String offeredBefore = offeredPraktik();
        browser.open("/kaa/import");
        browser.assertAccessible("kaa import");
        assertThat(browser.findAll("#import-progress")).as("the page can show how far a long list has come")
                .hasSize(1);
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
        browser.clickAndWait("#filter-form button[type=submit]");
        assertThat(browser.text("#worklist")).contains("Hugo Listström").doesNotContain("Alva Listström");

        // the worklist as Excel, as the page's link downloads it
        var xlsx = fetch(browser.find("#worklist-export").getAttribute("href"), null);
        assertThat(xlsx.get("type")).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // a letter to Hugo: the letters' phone first, then the worklist's selection
        browser.open("/kaa/letters/templates");
        browser.type("phone", "042-45 85 00");
        browser.clickAndWait("#sender-form button[type=submit]");
        browser.open("/kaa");
        String hugoEpisode = episodeOf(coordinator.organisationId().value(), hugo);
        browser.find("#choose-" + hugoEpisode).click();
        browser.clickAndWait("#write-letters");
        browser.clickAndWait("#compose button[type=submit]");
        assertThat(browser.text("#preview-count")).isEqualTo("1 får brev, 0 får inget brev.");
        browser.assertAccessible("kaa letter preview");
        var letter = fetch(null, "produce");
        assertThat(letter.get("type")).isEqualTo("application/pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(java.util.Base64.getDecoder()
                .decode((String) letter.get("body")))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Hugo Listström",
                    "Storgatan 2");
        }

        // a home-visit day for Hugo
        browser.open("/kaa");
        browser.find("#choose-" + hugoEpisode).click();
        browser.clickAndWait("#plan-visits");
        browser.choose("firstStaffId", String.valueOf(coordinator.userId()));
        browser.choose("secondStaffId", String.valueOf(outreach.userId()));
        browser.type("contactPhone", "0418-123 45");
        browser.clickAndWait("#plan-form button[type=submit]");
        assertThat(browser.text(".notice")).startsWith("Hembesöksdagen är planerad.");
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Körlista att skriva ut")));
        assertThat(browser.text("main")).contains("Hugo Listström", "Storgatan 2");
        browser.assertAccessible("kaa route sheet");

        // a measure for Alva, and the half-year figures count it
        browser.open("/kaa");
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Alva Listström")));
        browser.find("#new-measure summary").click();
        browser.choose("measure-category", "PRAKTIK");
        browser.choose("measure-responsible", "KOMMUN");
        browser.type("measure-content", "Praktik på biblioteket två dagar i veckan");
        browser.clickAndWait("#measure-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Åtgärden är sparad.");
        browser.open("/kaa/figures");
        assertThat(Integer.parseInt(offeredPraktik())).isEqualTo(Integer.parseInt(offeredBefore) + 1);
        browser.assertAccessible("kaa figures");
    }

    private static String offeredPraktik() {
        return browser.text("#table-OFFERED tr[data-key=PRAKTIK] td");
    }

    private String episodeOf(long organisationId, String pin) {
        return jdbc.sql("SELECT e.id FROM kaa_episode e JOIN young_person y ON y.id = e.person_id"
                + " WHERE e.organisation_id = ? AND y.personal_identity_number = ? AND e.exited_on IS NULL")
                .params(organisationId, pin).query(String.class).single();
    }

    /** Fetches a link (GET) or posts a form of the page with the page's own session, as the browser would. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> fetch(String href, String formId) {
        return (java.util.Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = arguments[1] ? document.getElementById(arguments[1]) : null;
                const request = form ? fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) })
                                     : fetch(arguments[0]);
                request.then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                    done({ type: r.headers.get('content-type'), body: btoa(s) });
                  }).catch(e => done({ error: String(e) }));""", href, formId);
    }
}
