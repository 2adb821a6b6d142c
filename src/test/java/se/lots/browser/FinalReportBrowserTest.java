package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.federation.report.FinalReportFixture.PASSWORD;
import static se.lots.federation.report.FinalReportFixture.TODAY;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.federation.report.FinalReportFixture;
import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * A programme's final report in headless Chromium: the owner's programme lead finds it due, completes the drafted
 * report and submits it; the region's and Arbetsförmedlingen's leads approve, the lead approves for the owner and
 * records Försäkringskassan's signature, and the report is locked; the förbund's officer downloads PDF and xlsx.
 * axe on every page on the way.
 */
@IntegrationTest
class FinalReportBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationService organisations;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    FunderReportService funderReports;
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

    @Test
    void theLeadCompletesAndSubmitsThePartiesApproveAndTheReportIsLockedAndDownloaded() {
        var p = new FinalReportFixture(organisations, enrolments, registry, actors, jdbc)
                .programme(TODAY.minusDays(400), TODAY.minusDays(5));
        funderReports.addGoal(p.lead(), p.id(), new GoalInput("PARTICIPANTS", null, null, null, "20"));
        String page = "/forbund/insatser/" + p.id() + "/slutrapport";

        browser.on(port).login(p.lead().username(), PASSWORD);
        browser.open("/forbund/rapporter");
        assertThat(browser.text("#due-" + p.id())).contains(p.caseNumber(), TODAY.minusDays(5).plusMonths(1)
                .toString(), "Ej påbörjad");
        browser.assertAccessible("final reports due");
        browser.clickAndWait("#due-" + p.id() + " a");
        assertThat(browser.path()).isEqualTo(page);
        assertThat(browser.text("#draft-hint")).contains("hämtat från insatsens uppgifter");
        assertThat(browser.text("#experiences-warning")).contains("inga namn");
        assertThat(browser.find("#purpose").getAttribute("value")).contains("Stötta individer");
        browser.assertAccessible("final report draft");

        browser.type("equality", "Fler män i ungdomssatsningen");
        browser.type("methods", "Lösningsfokuserat arbetssätt");
        browser.type("followUp", "SUS-registrering");
        browser.type("ordinaryWork", "Arbetsmarknadsenheten tar över");
        browser.type("moneyGranted", "1 000 000");
        browser.type("moneyUsed", "1 000 000");
        browser.type("moneyReturned", "0");
        browser.choose("goals[0]-achieved", "JA");
        browser.type("goals[0]-outcome", "81 individer fick stöd");
        browser.type("lesson-" + p.region().id().value(), "Nära samarbete med vården");
        browser.clickAndWait("#save");
        assertThat(browser.text(".notice")).contains("Slutrapporten är sparad");
        browser.clickAndWait("#submit button");
        assertThat(browser.text(".notice")).contains("Slutrapporten är inskickad");
        assertThat(browser.text("#report-status")).contains("Inskickad");
        assertThat(browser.text("#signed-count")).contains("0 av 4");
        browser.assertAccessible("final report submitted");

        for (var party : new String[] { p.regionLead().username(), p.afLead().username() }) {
            browser.login(party, PASSWORD);
            browser.open(page);
            assertThat(browser.text("#goal-1")).contains("81 individer fick stöd", "Ja");
            browser.assertAccessible("final report for a party");
            browser.clickAndWait("#approve button");
            assertThat(browser.text(".notice")).contains("Ni har godkänt");
            assertThat(browser.findAll("#approve")).isEmpty();
        }
        assertThat(browser.text("#signature-" + p.region().id().value())).contains("Rut Region",
                "rut@region.example");

        browser.login(p.lead().username(), PASSWORD);
        browser.open(page);
        browser.clickAndWait("#approve button");
        assertThat(browser.text("#signed-count")).contains("3 av 4");
        browser.choose("organisation", String.valueOf(p.fk().id().value()));
        browser.type("signerName", "Karin Kassa");
        browser.type("signerEmail", "karin@fk.example");
        // a date input takes its value as the browser's locale shows it; set the ISO value the form sends
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", "signedOn",
                TODAY.toString());
        browser.clickAndWait("#record button");
        assertThat(browser.text("#report-status")).contains("Godkänd av alla parter och låst");
        assertThat(browser.text("#signature-" + p.fk().id().value())).contains("Karin Kassa",
                "registrerad av insatsägaren");
        assertThat(browser.findAll("#save")).as("no edit once locked").isEmpty();
        assertThat(browser.findAll("#reopen")).isEmpty();
        browser.assertAccessible("final report locked");

        browser.login(p.officer().username(), PASSWORD);
        browser.open(page);
        assertThat(browser.text("#participants")).contains("personer");
        browser.assertAccessible("final report for the förbund");
        for (var link : Map.of("download-pdf", "application/pdf", "download-xlsx", "spreadsheetml").entrySet()) {
            @SuppressWarnings("unchecked")
            var file = (Map<String, Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById(arguments[0]).href).then(async r => done({
                        status: r.status, type: r.headers.get('content-type'),
                        size: (await r.arrayBuffer()).byteLength }))
                      .catch(e => done({ error: String(e) }));""", link.getKey());
            assertThat(file.get("status")).as(link.getKey()).isEqualTo(200L);
            assertThat((String) file.get("type")).contains(link.getValue());
            assertThat((Long) file.get("size")).isGreaterThan(1000L);
        }
    }
}
