package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.federation.application.ApplicationFixture;
import se.lots.federation.application.ApplicationFixture.World;

/**
 * The förbund's decision in headless Chromium, as seed 004 has it: the programme lead applies for group coaching in
 * "Steget vidare", the förbund officer proposes "delfinansiering 50 000 kr", calls a board meeting with the
 * application on the agenda, records the decision "delvis beviljad 50 000 kr" with a reporting date, approves the
 * minutes and downloads them as PDF; the lead then sees the decision. axe on every page on the way.
 */
@IntegrationTest
class FederationDecisionBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationFixture fixture;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    private void set(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private void click(String css) {
        browser.driver().executeScript("document.querySelector(arguments[0]).click();", css);
    }

    @Test
    void theLeadAppliesTheOfficerProposesTheBoardDecidesAndTheMinutesArePrinted() throws Exception {
        World w = fixture.world();

        browser.on(port).login(w.lead().username(), ApplicationFixture.PASSWORD);
        browser.open("/forbund/ansokningar");
        browser.assertAccessible("applications, lead, none yet");
        browser.clickAndWait("#new-application");
        assertThat(browser.text("#federation-name")).contains(w.federation().name());
        browser.assertAccessible("new application");
        browser.choose("programmeId", String.valueOf(w.programmeId()));
        browser.type("title", "Gruppcoaching i Steget vidare");
        browser.type("purpose", "Metodutveckling i samverkan för unga utan gymnasiebetyg");
        browser.type("goals", "Tio ungdomar får parallella insatser under fyra månader");
        set("periodFrom", "2021-09-01");
        set("periodTo", "2021-12-31");
        set("budget[0]-year", "2021");
        set("budget[0]-amount", "80 000");
        click("#parties input[type=checkbox][value='" + w.region().id().value() + "']");
        browser.clickAndWait("#submit-application");
        assertThat(browser.text(".notice")).contains("Ansökan är inskickad");
        assertThat(browser.text("#application-status")).contains("Inkommen");
        assertThat(browser.text("#parties")).contains(w.kommun().name(), w.region().name());
        browser.assertAccessible("application submitted");
        String applicationPage = browser.path();
        String applicationId = applicationPage.substring(applicationPage.lastIndexOf('/') + 1).replaceAll("\\?.*", "");

        browser.login(w.officer().username(), ApplicationFixture.PASSWORD);
        browser.open("/forbund/ansokningar/" + applicationId);
        browser.assertAccessible("application, officer");
        click("#outcome-PARTLY_GRANTED");
        browser.type("amount", "50 000");
        browser.type("reasoning", "Unga i utanförskap är en prioriterad grupp: delfinansiering av gruppcoachingen.");
        browser.clickAndWait("#propose");
        assertThat(browser.text(".notice")).contains("Förslaget till beslut är sparat");
        assertThat(browser.text("#application-status")).contains("Beredd");
        assertThat(browser.text("#proposals")).contains("Delvis beviljad", "50 000 kr", "Fia Förbundschef");
        browser.assertAccessible("application with a proposal");

        browser.open("/forbund/sammantraden");
        browser.assertAccessible("meetings");
        browser.clickAndWait("#new-meeting");
        browser.assertAccessible("new meeting");
        set("heldOn", "2021-09-15");
        set("startsAt", "09:30");
        set("endsAt", "12:00");
        browser.type("place", "Förbundets kansli");
        browser.clickAndWait("#create-meeting");
        assertThat(browser.path()).startsWith("/forbund/sammantraden/");
        assertThat(browser.text("h1")).contains("Styrelsen", "2021-09-15");
        browser.assertAccessible("board meeting, empty");

        browser.find("#participant-panel summary").click();
        browser.type("name", "Riitta Högberg");
        browser.choose("organisationId", String.valueOf(w.fk().id().value()));
        browser.type("role", "Ordförande");
        browser.clickAndWait("#add-participant");
        assertThat(browser.text("#participants")).contains("Riitta Högberg", w.fk().name(), "Närvarande");

        browser.type("heading", "Metodutvecklingsprojekt för unga utan gymnasiebetyg");
        browser.choose("applicationId", applicationId);
        browser.clickAndWait("#add-item");
        assertThat(browser.text(".notice")).contains("Ärendet är tillagt");
        assertThat(browser.text("#item-1")).contains("§ 1 Metodutvecklingsprojekt", "Gruppcoaching i Steget vidare");
        browser.assertAccessible("board meeting with the application on the agenda");

        browser.find("#item-1 details[id$='-decision-panel'] summary").click();
        click("#item-1 input[id$='-outcome-PARTLY_GRANTED']");
        String form = "#item-1 form[id$='-decision-form'] ";
        browser.find(form + "input[id$='-grant0-year']").sendKeys("2021");
        browser.find(form + "input[id$='-grant0-amount']").sendKeys("50 000");
        browser.find(form + "textarea[id$='-conditions']").sendKeys("Bekostar gruppcoachingen");
        browser.driver().executeScript("document.querySelector(arguments[0]).value = '2022-01-31';",
                form + "input[id$='-reporting0']");
        browser.clickAndWait(form + "button[type=submit]");
        assertThat(browser.text(".notice")).contains("Beslutet är registrerat");
        assertThat(browser.text("#item-1")).contains("Delvis beviljad", "50 000 kr", "Återrapportering: 2022-01-31",
                "Bekostar gruppcoachingen");
        browser.assertAccessible("board meeting with the decision");

        browser.clickAndWait("#approve button");
        assertThat(browser.text(".notice")).contains("Protokollet är justerat");
        assertThat(browser.text("#minutes-state")).contains("Justerat av Fia Förbundschef");
        assertThat(browser.findAll("#approve")).isEmpty();
        assertThat(browser.findAll("#item-form")).isEmpty();
        browser.assertAccessible("board meeting, minutes approved");

        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('minutes-pdf').href).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                    done({ type: r.headers.get('content-type'), pdf: btoa(s) });
                  }).catch(e => done({ error: String(e) }));""");
        assertThat(response.get("type")).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(Base64.getDecoder().decode((String) response.get("pdf")))) {
            String text = new PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
            assertThat(text).contains("Protokoll, Styrelsen", "2021-09-15", "Förbundets kansli", "Riitta Högberg",
                    "§ 1 Metodutvecklingsprojekt för unga utan gymnasiebetyg", "Gruppcoaching i Steget vidare",
                    "Delvis beviljad", "50 000 kr", "2022-01-31", "Justerat av Fia Förbundschef");
        }

        browser.login(w.lead().username(), ApplicationFixture.PASSWORD);
        browser.open("/forbund/ansokningar/" + applicationId);
        assertThat(browser.text("#application-status")).contains("Beslutad");
        assertThat(browser.text("#decisions")).contains("Delvis beviljad", "50 000 kr", "2022-01-31");
        assertThat(browser.findAll("#proposals")).isEmpty();
        assertThat(browser.findAll("#withdraw")).isEmpty();
        browser.assertAccessible("application decided, lead");
    }
}
