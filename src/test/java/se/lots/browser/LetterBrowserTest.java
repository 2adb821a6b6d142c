package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;

/**
 * A KAA coordinator fills in the letters' phone number, chooses two people on the worklist (one with protected
 * identity), writes the home-visit letter, previews it and downloads the PDF, in headless Chromium with axe.
 */
@IntegrationTest
class LetterBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
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

    private UUID episodeOf(long organisationId, String pin) {
        return jdbc.sql("SELECT e.id FROM kaa_episode e JOIN young_person y ON y.id = e.person_id"
                + " WHERE e.organisation_id = ? AND y.personal_identity_number = ?")
                .params(organisationId, pin).query(UUID.class).single();
    }

    @Test
    void aCoordinatorChoosesTwoOnTheWorklistPreviewsTheHomeVisitLetterAndDownloadsThePdf() throws IOException {
        var coordinator = fixture.newMunicipality();
        String alva = fixture.kaaAgeNumber();
        String tove = fixture.kaaAgeNumber();
        String list = """
                personnummer;förnamn;efternamn;situation;adress;postnummer;postort;skyddad_identitet
                %s;Alva;Brevström;studiebevis;Storgatan 1;267 31;Bjuv;nej
                %s;Tove;Brevström;studiebevis;Hemliga vägen 3;267 32;Billesholm;ja
                """.formatted(alva, tove);
        var sv = Locale.forLanguageTag("sv");
        var preview = imports.upload(coordinator, "lista.csv", list.getBytes(StandardCharsets.UTF_8), sv);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), sv);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");

        browser.open("/kaa");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Brevmallar")));
        assertThat(browser.text("#templates")).contains("Efter hembesök", "Vi har varit hemma hos dig", "I bruk");
        browser.assertAccessible("letter templates");
        browser.type("phone", "ring Kim");
        browser.clickAndWait("#sender-form button[type=submit]");
        assertThat(browser.text(".errors-summary")).contains("Telefon: Telefonnumret får bara innehålla siffror");
        browser.type("phone", "042-45 85 00");
        browser.clickAndWait("#sender-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Avsändaren är sparad.");

        browser.open("/kaa");
        browser.clickAndWait("#write-letters");
        assertThat(browser.path()).as("nobody chosen: back to the worklist").isEqualTo("/kaa");
        assertThat(browser.text(".notice")).isEqualTo("Markera minst en person i arbetslistan.");
        browser.find("#choose-" + episodeOf(coordinator.organisationId().value(), alva)).click();
        browser.find("#choose-" + episodeOf(coordinator.organisationId().value(), tove)).click();
        browser.clickAndWait("#write-letters");
        assertThat(browser.path()).isEqualTo("/kaa/letters/new");
        assertThat(browser.source()).contains("2 personer är markerade.");
        browser.assertAccessible("write letter");

        browser.clickAndWait("#compose button[type=submit]");
        assertThat(browser.text("#preview-count")).isEqualTo("1 får brev, 1 får inget brev.");
        assertThat(browser.text("#first-letter")).contains("Alva Brevström", "Storgatan 1", "267 31 BJUV",
                "Hej Alva!", "Vi har varit hemma hos dig och vill gärna komma i kontakt med dig", "042-45 85 00");
        assertThat(browser.text("#skipped")).contains("Tove Brevström", "Skyddad folkbokföring – skicka brevet via Skatteverket");
        assertThat(browser.text("#preview")).doesNotContain("Hemliga vägen", "Billesholm");
        browser.assertAccessible("letter preview");

        // the PDF is fetched by the page itself (its session and CSRF token), as the button would download it
        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('produce');
                fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) })
                  .then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                    done({ type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                           pdf: btoa(s) });
                  }).catch(e => done({ error: String(e) }));""");
        assertThat(response.get("type")).isEqualTo("application/pdf");
        assertThat((String) response.get("disposition")).startsWith("attachment").contains(".pdf");
        try (var pdf = Loader.loadPDF(Base64.getDecoder().decode((String) response.get("pdf")))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Alva Brevström", "Vi har varit hemma hos dig")
                    .doesNotContain("Tove", "Hemliga vägen");
        }

        browser.open("/kaa");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Alva Brevström")));
        assertThat(browser.text("#contacts")).contains("Brev", "Lämnat meddelande", "Brev: Efter hembesök");
        assertThat(List.of(browser.find("#write-letter").getAttribute("href")))
                .allMatch(h -> h.contains("/kaa/letters/new?episode="));

        // the template's history shows the text that was sent, and that one letter went out with it
        browser.open("/kaa/letters/templates");
        assertThat(browser.text("#letter-batches tbody")).contains("Efter hembesök (version 1)");
        var row = browser.findAll("#templates tbody tr").stream().filter(r -> r.getText().contains("Efter hembesök"))
                .findFirst().orElseThrow();
        browser.clickAndWait(row.findElement(By.cssSelector("a.template-history")));
        assertThat(browser.text("h1")).isEqualTo("Historik för Efter hembesök");
        assertThat(browser.text("#version-0")).contains("Version 1", "startmall från Lots",
                "1 brev i 1 utskick med den här texten.", "Vi har varit hemma hos dig");
        browser.assertAccessible("letter template history");
    }
}
