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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The programme lead records a participant's start registration (after a wrong extent is refused) and two ORS-style
 * assessments, and sees the chart with its values as a table; sets a goal, records the end registration after the
 * discharge and sees the goal change; downloads the report (xlsx parsed, PDF); in headless Chromium with axe.
 */
@IntegrationTest
class ProgressionBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    EnrolmentService enrolments;
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

    /**
     * At 400 px the participant's page does not scroll sideways, and its chart is Lots' one chart component: an SVG
     * image named by its title, which says what the table under it holds.
     */
    private void participantPageOnAPhone() {
        var wide = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
        try {
            browser.driver().navigate().refresh();
            assertThat(number("return window.innerWidth")).as("a phone's window").isLessThanOrEqualTo(400);
            assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll")
                    .isLessThanOrEqualTo(number("return window.innerWidth"));
            var svg = browser.find("#series-0 figure.lots-chart svg.lots-chart__svg[role=img]");
            assertThat(svg.getAttribute("data-kind")).isEqualTo("LINE");
            assertThat(svg.getAttribute("aria-labelledby")).isEqualTo("progress-0-title progress-0-desc");
            assertThat(browser.driver().executeScript("""
                    return arguments[0].getAttribute('aria-labelledby').split(' ')
                        .map(id => document.getElementById(id).textContent).join(' ')""", svg))
                    .asString().startsWith("Skattning av mående").contains("Samma värden finns i tabellen");
            assertThat(number("return document.querySelector('#series-0 svg').getBoundingClientRect().right"))
                    .as("the chart scales down to the window").isLessThanOrEqualTo(number("return window.innerWidth"));
            assertThat(browser.find("#series-0 figure").getAttribute("data-table")).isEqualTo("series-0-table");
            browser.assertAccessible("participant follow-up page at 400 px");
            browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find("#series-0"));
            browser.screenshot("progression-participant-400");
        } finally {
            browser.driver().manage().window().setSize(wide);
        }
    }

    private static long number(String script) {
        return ((Number) browser.driver().executeScript(script)).longValue();
    }

    private void setDate(String id, LocalDate date) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
                date.toString());
    }

    @Test
    void theProgrammeLeadRegistersStartAssessmentsAndEndSeesTheGoalChangeAndDownloadsTheReport() {
        Actor lead = actors.byUsername("insatsledare");
        UUID person = registry.register(lead, aYoungPerson().named("Nora", "Framstegsson").build()).id();
        long programme = enrolments.saveProgramme(lead, "Framsteget ung");
        LocalDate start = LocalDate.now().minusDays(30);
        var enrolment = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), start.toString(),
                null, null, "Varken arbetar eller studerar"));

        browser.on(port).loginAs("insatsledare");
        browser.open("/uppfoljning");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Framsteget ung")));
        browser.assertAccessible("participants page");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Nora Framstegsson")));

        setDate("start-measuredOn", start);
        browser.find("#start-occupation-ARBETAR").click();
        browser.type("start-workExtent", "150");
        browser.find("#start-income-EKONOMISKT_BISTAND").click();
        browser.choose("start-educationLevel", "FORGYMNASIAL");
        browser.find("#start-af-yes").click();
        browser.clickAndWait(browser.find("#save-start"));
        assertThat(browser.text("#registrering")).contains("Omfattning: ange ett heltal mellan 1 och 100 procent");
        browser.find("#start-occupation-ARBETSSOKANDE").click();
        browser.type("start-workExtent", "");
        browser.clickAndWait(browser.find("#save-start"));
        assertThat(browser.text("[role=status]")).contains("Registreringen är sparad");

        long ors = jdbc.sql("SELECT id FROM instrument WHERE name LIKE 'Skattning av mående%'").query(Long.class)
                .single();
        List<Long> items = jdbc.sql("SELECT id FROM instrument_item WHERE instrument_id = ? ORDER BY position")
                .param(ors).query(Long.class).list();
        assess(ors, items, start.plusDays(1), "3", "4", "5", "4");
        assertThat(browser.text("[role=status]")).contains("Skattningen är sparad");
        assess(ors, items, start.plusDays(28), "7", "6", "7", "8");

        assertThat(browser.find("#series-0 svg[role=img] title").getAttribute("textContent"))
                .contains("Skattning av mående");
        // the cut-off: Lots' chart draws it as a second, dashed line
        assertThat(browser.findAll("#series-0 svg .lots-chart__lines polyline[stroke-dasharray]")).hasSize(1);
        assertThat(browser.text("#series-0 table")).contains("16", "28");
        assertThat(browser.text("#series-0")).contains("Rör sig framåt", "Över gränsvärdet");
        browser.assertAccessible("participant follow-up page");
        participantPageOnAPhone();

        // a goal on the discharged, set on the goals page: nobody discharged yet
        browser.open("/programmes/" + programme + "/mal");
        browser.choose("indicator", "DISCHARGED_TO_WORK_OR_STUDIES");
        browser.type("target", "50");
        browser.clickAndWait("section[aria-labelledby=new-goal-h] button");
        assertThat(browser.text("#goals")).contains("0 av 0 avslutade");
        // discharged today as AVBRUTIT (on the plan's side): counted, but not to work or studies
        LocalDate today = LocalDate.now();
        enrolments.discharge(lead, enrolment.id(), today.toString(), "AVBRUTIT", enrolment.version());
        browser.open("/programmes/" + programme + "/mal");
        assertThat(browser.text("#goals")).contains("0 av 1 avslutade");
        // the end registration says she studies now: the indicator changes
        browser.open("/enrolments/" + enrolment.id() + "/registrering");
        setDate("slut-measuredOn", today);
        browser.find("#slut-occupation-ARBETAR").click();
        browser.type("slut-workExtent", "150");
        browser.clickAndWait(browser.find("#save-slut"));
        // the error is on the form that was sent, not on the START form with the same fields
        assertThat(browser.text("#form-slut")).contains("Omfattning: ange ett heltal mellan 1 och 100 procent");
        assertThat(browser.findAll("#form-start .field-error")).isEmpty();
        browser.assertAccessible("end registration with an error");
        setDate("slut-measuredOn", today);
        browser.type("slut-workExtent", "");
        browser.find("#slut-occupation-STUDERAR").click();
        browser.find("#slut-income-STUDIEMEDEL").click();
        browser.choose("slut-educationLevel", "GYMNASIAL");
        browser.find("#slut-af-no").click();
        browser.clickAndWait(browser.find("#save-slut"));
        assertThat(browser.text("[role=status]")).contains("Registreringen är sparad");
        browser.open("/programmes/" + programme + "/mal");
        assertThat(browser.text("#goals")).contains("1 av 1 avslutade", "100 %");
        assertThat(browser.text("#goals td.met")).isEqualTo("Ja");

        // the programme's goals and the funder's report, reached from the follow-up start page
        browser.open("/uppfoljning");
        browser.clickAndWait("#goals-" + programme);
        assertThat(browser.text("h1")).contains("Mål för Framsteget ung");
        browser.assertAccessible("goals page");
        // and from the participants page, and back
        browser.clickAndWait("#goals-participants");
        assertThat(browser.text("h1")).contains("Framsteget ung");
        browser.clickAndWait("#participants-goals");
        assertThat(browser.text("h1")).contains("Mål för Framsteget ung");
        browser.clickAndWait("#goals-participants");
        browser.clickAndWait("#participants-report");
        assertThat(browser.text("h1")).contains("Rapport till finansiären: Framsteget ung");
        browser.open("/uppfoljning");
        browser.clickAndWait("#report-" + programme);
        assertThat(browser.text("h1")).contains("Rapport till finansiären: Framsteget ung");
        browser.assertAccessible("funder's report page");
        // downloaded for a fixed period, as everything that leaves Lots: the xlsx and the PDF
        assertThat(browser.find("a[href*='rapport.xlsx']").getAttribute("href")).contains("period=");
        assertThat(browser.text("#download-fixed")).contains("kalenderhalvår");
        byte[] xlsx = browser.download(browser.find("a[href*='rapport.xlsx']").getAttribute("href"));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var goals = workbook.getSheets().filter(sheet -> sheet.getName().equals("Mål")).findFirst().orElseThrow()
                    .read();
            // the file is for a fixed period that has ended (the latest half-year), never the page's free period
            assertThat(goals.get(1).getCellText(0)).startsWith("Andel avslutade till arbete");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] pdf = browser.download(browser.find("a[href*='rapport.pdf']").getAttribute("href"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the förbund's officer: Uppföljning Finsam over every programme, then one programme's report, suppressed
        browser.logout();
        browser.loginAs("forbund");
        browser.clickAndWait("nav a[href='/uppfoljning/finsam']");
        assertThat(browser.text("h1")).contains("Uppföljning Finsam");
        assertThat(browser.find("#finsam-xlsx").getAttribute("href")).contains("/uppfoljning/finsam.xlsx?period=");
        browser.assertAccessible("Uppföljning Finsam page");
        // the overview shows the latest ended half-year, before this test's participants; the programme's own report
        // opens on that half-year too, suppressed
        browser.open("/programmes/" + programme + "/rapport");
        assertThat(browser.text("h1")).contains("Rapport till finansiären: Framsteget ung");
        assertThat(browser.findAll("#period option")).isNotEmpty();
        assertThat(browser.text("main")).contains("Antal under 5 visas som <5");
    }

    @Test
    void theProgrammeLeadCreatesAnInstrumentOnTheAdminPageEditsItAndTheAdministratorAddsALadderStep() {
        Actor lead = actors.byUsername("insatsledare");
        String name = "Egen skala " + UUID.randomUUID().toString().substring(0, 8);
        browser.on(port).loginAs("insatsledare");
        browser.clickAndWait(browser.driver().findElement(By.linkText("Instrument och stegtrappa")));
        assertThat(browser.text("h1")).isEqualTo("Instrument för progression");
        browser.assertAccessible("instruments page");
        browser.clickAndWait("#new-instrument");
        browser.assertAccessible("new instrument form");

        browser.type("name", name);
        browser.choose("totalRule", "MEAN");
        browser.type("reliableChange", "0,5");
        browser.type("items-0-label", "Kommer i tid");
        browser.type("items-0-min", "1");
        browser.type("items-0-max", "x");
        browser.type("items-0-step", "1");
        browser.type("items-1-label", "Tar egna initiativ");
        browser.type("items-1-min", "1");
        browser.type("items-1-max", "5");
        browser.type("items-1-step", "1");
        browser.choose("items-1-rater", "BADA");
        browser.clickAndWait("#save-instrument");
        assertThat(browser.text("[role=alert]")).contains("Fråga 1: skalan ska ha ett lägsta och ett högsta värde");
        browser.assertAccessible("instrument form with an error");
        browser.type("items-0-max", "5");
        browser.clickAndWait("#save-instrument");
        assertThat(browser.text("[role=status]")).contains("Instrumentet " + name + " är sparat");

        // edit it: a cut-off added
        browser.clickAndWait(browser.driver().findElement(By.linkText(name)));
        assertThat(browser.find("#items-1-label").getAttribute("value")).isEqualTo("Tar egna initiativ");
        browser.type("cutOff", "3");
        browser.clickAndWait("#save-instrument");
        assertThat(browser.text("#instruments")).contains(name);
        long id = jdbc.sql("SELECT id FROM instrument WHERE name = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("SELECT cut_off FROM instrument WHERE id = ?").param(id).query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("3");

        // the new instrument is offered on a participant's page, as configuration and not code
        UUID person = registry.register(lead, aYoungPerson().named("Ida", "Instrumentsson").build()).id();
        long programme = enrolments.saveProgramme(lead, "Instrumenttest " + id);
        var enrolment = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now().minusDays(10).toString(), null, null, "Stöd"));
        browser.open("/enrolments/" + enrolment.id() + "/registrering");
        assertThat(browser.findAll("#save-assessment-" + id)).hasSize(1);

        // the ladder: the programme lead reads it; the administrator, who keeps it for everyone, adds a step at the end
        browser.open("/progression/instruments");
        browser.clickAndWait("#ladder-link");
        assertThat(browser.text("#ladder-shared")).contains("Den ändras av administratören");
        assertThat(browser.findAll("#add-step")).isEmpty();
        browser.assertAccessible("ladder page, read only");
        browser.logout();
        browser.loginAs("demoadmin");
        browser.open("/progression/instruments");
        browser.clickAndWait("#ladder-link");
        browser.assertAccessible("ladder page");
        browser.type("new-label", "Eget steg " + id);
        browser.clickAndWait("#add-step");
        assertThat(browser.text("[role=status]")).contains("Steget är tillagt");
        assertThat(browser.find("#ladder").getAttribute("innerHTML")).contains("Eget steg " + id);
        browser.assertAccessible("ladder page after a change");
    }

    /**
     * A programme added on the follow-up page, a group activity goal set on the goals page, a group activity recorded
     * once for two participants on the programme's page (after none chosen is refused), and the goal's figures
     * changed accordingly.
     */
    @Test
    void theProgrammeLeadAddsAProgrammeSetsAGroupActivityGoalRecordsAGroupActivityAndSeesTheGoalCountIt() {
        Actor lead = actors.byUsername("insatsledare");
        String name = "Gruppträffar " + UUID.randomUUID().toString().substring(0, 8);
        // the programme lead adds the programme on the follow-up page (a blank name refused first)
        browser.on(port).loginAs("insatsledare");
        browser.open("/uppfoljning");
        browser.clickAndWait("#add-programme");
        assertThat(browser.text("#new-programme [role=alert]")).contains("Insatsens namn: Fältet måste fyllas i.");
        browser.type("programmeName", name);
        browser.clickAndWait("#add-programme");
        assertThat(browser.text("[role=status]")).contains("Insatsen " + name + " är tillagd.");
        assertThat(browser.text("#programmes")).contains(name);
        browser.assertAccessible("follow-up page with a new programme");
        long programme = jdbc.sql("SELECT id FROM programme WHERE name = ?").param(name).query(Long.class).single();
        // funded by the förbund: its officers follow it up in Uppföljning Finsam
        new org.openqa.selenium.support.ui.Select(browser.find("#funded-by-" + programme))
                .selectByVisibleText("Samordningsförbundet Skåne Nordväst");
        browser.clickAndWait("#save-funded-by-" + programme);
        assertThat(browser.text("[role=status]")).contains("Finansiären är sparad");
        assertThat(jdbc.sql("SELECT o.name FROM programme p JOIN organisation o ON o.id = p.funded_by WHERE p.id = ?")
                .param(programme).query(String.class).single()).isEqualTo("Samordningsförbundet Skåne Nordväst");
        for (String first : List.of("Greta", "Gustav")) {
            UUID person = registry.register(lead, aYoungPerson().named(first, "Gruppdeltagare").build()).id();
            enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                    LocalDate.now().minusDays(20).toString(), null, null, "Behöver sammanhang"));
        }
        browser.open("/programmes/" + programme + "/mal");
        browser.choose("indicator", "GROUP_ACTIVITIES_PER_WEEK");
        browser.type("target", "1");
        browser.clickAndWait("section[aria-labelledby=new-goal-h] button");
        assertThat(browser.text("#goals")).contains("Gruppaktiviteter per deltagarvecka",
                "0 deltaganden i gruppaktiviteter, 2 deltagare");

        browser.clickAndWait("#goals-participants");
        browser.assertAccessible("participants page with the group activity form");
        browser.type("groupNote", "Gemensam lunch och CV-verkstad");
        browser.clickAndWait("#save-group-activity");
        assertThat(browser.text("#gruppaktivitet [role=alert]"))
                .contains("Deltagare som var med: Välj minst en deltagare som var med.");
        assertThat(browser.find("#groupNote").getAttribute("value")).isEqualTo("Gemensam lunch och CV-verkstad");
        browser.assertAccessible("group activity form with an error");
        for (var box : browser.findAll("#group-activity input[type=checkbox]")) {
            box.click();
        }
        browser.clickAndWait("#save-group-activity");
        assertThat(browser.text("[role=status]")).contains("Gruppaktiviteten är registrerad för 2 deltagare");

        browser.clickAndWait("#participants-goals");
        assertThat(browser.text("#goals")).contains("2 deltaganden i gruppaktiviteter, 2 deltagare");
    }

    private void assess(long instrument, List<Long> items, LocalDate on, String... scores) {
        setDate("assessedOn-" + instrument, on);
        for (int i = 0; i < scores.length; i++) {
            browser.type("score_" + items.get(i), scores[i]);
        }
        browser.clickAndWait(browser.find("#save-assessment-" + instrument));
    }
}
