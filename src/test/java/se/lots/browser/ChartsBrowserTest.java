package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

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
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.security.CurrentActor;

/**
 * Lots' one chart where people look: the KAA coordinator's and the programme lead's start pages, the KAA figures, the
 * goals page and the funder's report, each an image with a name, its values written out and as a table; axe on
 * every page, and no console error (the Content-Security-Policy allows no inline style).
 */
@IntegrationTest
class ChartsBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    FunderReportService reports;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** A screenshot with the element at the top of the window, for a look at what the test saw. */
    void look(String css, String name) {
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(css));
        browser.screenshot(name);
    }

    @Test
    void theKaaCoordinatorSeesTheTrendAndTheFiguresAsChartsWithTheirTables() {
        browser.on(port).loginAs("kaa");
        assertThat(browser.findAll("#start-kaa svg[role=img]")).hasSize(1);
        browser.assertAccessible("start page as kaa");
        browser.screenshot("start-kaa");

        // a register of its own, so that the chart has a value: two listed, none known
        var coordinator = fixture.newMunicipality();
        var b = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        var ids = b.person("Alma", "kvinna").person("Bo", "man").build();
        b.registeredOn(ids[0], LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(60));
        browser.login(coordinator.username(), "ett-langt-losenord");
        var svg = browser.find("#start-kaa-trend svg[role=img]");
        assertThat(svg.getAttribute("aria-labelledby")).isEqualTo("start-kaa-trend-title start-kaa-trend-desc");
        assertThat(browser.find("#start-kaa-trend-title").getAttribute("textContent"))
                .isEqualTo("Andel med okänd sysselsättning, per månad");
        assertThat(browser.findAll("#start-kaa-trend .lots-chart__point")).isNotEmpty();
        assertThat(browser.text("#start-kaa-due")).isEqualTo("1 uppföljning är försenad");
        assertThat(browser.find("#start-kaa-trend-table").isDisplayed()).isFalse();
        browser.find("#start-kaa-trend summary").click();
        assertThat(browser.text("#start-kaa-trend-table")).contains("Andel okänd", "100 %");
        browser.assertAccessible("start page as a KAA coordinator");
        look("#start-kaa", "start-kaa-coordinator");

        browser.clickAndWait("#start-kaa-due a");
        assertThat(browser.path()).isEqualTo("/kaa?filter=DUE&sort=REVIEW");
        assertThat(browser.text("#worklist")).contains("Alma Listsson").doesNotContain("Bo Listsson");

        browser.open("/kaa/figures");
        assertThat(browser.findAll("figure.lots-chart svg[role=img]")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(browser.find("#chart-GENDER svg").getAttribute("aria-labelledby"))
                .isEqualTo("chart-GENDER-title chart-GENDER-desc");
        assertThat(browser.text("#chart-GENDER")).contains("Kvinna", "1");
        assertThat(browser.findAll("#trend-chart polyline, #trend-chart .lots-chart__point")).isNotEmpty();
        browser.assertAccessible("kaa figures with charts");
        look("#figures-GENDER", "kaa-figures");
        look("#trend", "kaa-trend");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theProgrammeLeadSeesTheGoalsAsSmallChartsAndFollowsOneToTheGoalsAndTheReport() {
        var lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "0 Diagraminsatsen " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "12"));
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null, null, null, "60"));

        browser.on(port).loginAs("insatsledare");
        assertThat(browser.findAll("#start-goals-" + programme + " svg[role=img]")).hasSize(2);
        assertThat(browser.text("#start-goals-" + programme)).contains("Antal deltagare under perioden", "12",
                "60 %", "Uppmätt hittills");
        browser.assertAccessible("start page as the programme lead");
        look("#start-goals", "start-programme-lead");

        browser.clickAndWait(browser.find("#start-goals-h-" + programme + " a"));
        assertThat(browser.path()).isEqualTo("/programmes/" + programme + "/mal");
        assertThat(browser.findAll("#goal-charts svg[role=img]")).hasSize(2);
        browser.assertAccessible("goals page with charts");
        look("#goal-charts", "goals");

        browser.clickAndWait(browser.driver().findElement(By.linkText("Rapport till finansiären")));
        assertThat(browser.findAll("#chart-occupations svg[role=img], #chart-incomes svg[role=img]")).hasSize(2);
        assertThat(browser.findAll("#goals")).hasSize(1);
        browser.assertAccessible("funder's report with charts");
        look("#chart-occupations", "report");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
