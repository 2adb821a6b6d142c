package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.plan.StepInput;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * The plan module's pages on GOV.UK Frontend (issue 22: staff pages scrolled sideways on phones): on a 400 px phone
 * the plan page, the referrals page and the confirmation before an enrolment ends fit the window, their tables become
 * cards and axe finds nothing serious; on a 1366 px screen every table of the plan page is a GOV.UK table.
 */
@IntegrationTest
class PlanLayoutBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    PlanService plans;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    ReferralService referrals;
    @Autowired
    CurrentActor actors;
    @Autowired
    Clock clock;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void desktopAgain() {
        resize(1280, 1024);
    }

    @Test
    void onAPhoneThePlanPagesDoNotScrollSidewaysAndOnAWideScreenTheirListsAreGovukTables() {
        var coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Lova", "Smalberg").build()).id();
        plans.create(coach, person);
        long work = plans.page(coach, person).tracks().stream().filter(t -> t.kind().name().equals("ARBETE"))
                .findFirst().orElseThrow().id();
        LocalDate today = LocalDate.now(clock);
        plans.addStep(coach, person, new StepInput(String.valueOf(work), "Praktik på kaféet vid torget, tre förmiddagar i veckan",
                "KOMMUNEN", null, "Skolsköterskan på gymnasiet", "Följer med första dagen", "Vill pröva ett yrke",
                "Ringa kaféets föreståndare och boka ett första besök", "Sover dåligt", today.minusDays(20).toString(),
                today.minusDays(2).toString(), "PAGAR", null, false, List.of(), null));
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Smalt program " + System.nanoTime());
        enrolments.enrol(coach, person, new EnrolmentInput(String.valueOf(programme), today.minusMonths(1).toString(),
                null, null, "Varken arbetar eller studerar"));
        referrals.send(coach, person, new ReferralInput(String.valueOf(coach.organisationId()), null, null, null,
                "Behöver studievägledning inför hösten", "Samtal om studier och vilka behörigheter som saknas"));
        String plan = "/persons/" + person + "/plan";

        browser.on(port).loginAs("coach");
        resize(400, 800);
        browser.open(plan);
        assertThat(number("return window.innerWidth")).as("the window is a phone's").isLessThanOrEqualTo(400);
        System.out.printf("LAYOUT %s at 400x800: scrollWidth %d px%n", "/persons/{id}/plan",
                number("return document.documentElement.scrollWidth"));
        assertNoSidewaysScroll("plan page");
        assertThat(browser.find("#track-ARBETE tbody tr").getCssValue("display")).as("a step is a card").isEqualTo("grid");
        assertThat(browser.find("#enrolments tbody tr").getCssValue("display")).as("an enrolment is a card")
                .isEqualTo("grid");
        assertThat(browser.text("#track-ARBETE")).contains("Pågår", "Försenat");
        browser.assertAccessible("plan page at 400 px");

        browser.openPanel("#step-panel");
        assertNoSidewaysScroll("plan page with the step form open");
        browser.assertAccessible("plan page with the step form at 400 px");

        browser.open("/plan/referrals");
        assertNoSidewaysScroll("referrals page");
        assertThat(browser.find("#outgoing-referrals tbody tr").getCssValue("display")).isEqualTo("grid");
        browser.assertAccessible("referrals page at 400 px");

        // ending the enrolment: asked once, the facts a summary list, the warning in words
        browser.open(plan);
        browser.choose(browser.find("#inskrivningar select[name=endReason]").getAttribute("id"), "STUDIER");
        browser.clickAndWait(browser.find("#inskrivningar button.discharge"));
        assertNoSidewaysScroll("the confirmation before an enrolment ends");
        assertThat(browser.findAll("#discharge-facts .govuk-summary-list__row")).hasSize(4);
        assertThat(browser.text(".govuk-warning-text")).contains("Varning", "kan inte öppnas igen");
        assertThat(browser.find("button.confirm-discharge").getAttribute("class")).contains("govuk-button--warning");
        browser.assertAccessible("discharge confirmation at 400 px");

        resize(1366, 900);
        browser.open(plan);
        @SuppressWarnings("unchecked")
        var tables = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('main table')].map(t => (t.id || '') + ' ' + t.className);");
        assertThat(tables).as("the plan page's tables").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(t -> assertThat(t).contains("govuk-table"));
        assertThat(browser.findAll("main table:not(.govuk-table), main table tr:not(.govuk-table__row)")).isEmpty();
        assertThat(browser.find("#track-ARBETE tbody tr").getCssValue("display")).as("a table row on a wide screen")
                .isEqualTo("table-row");
        assertThat(browser.findAll("main details:not(.govuk-details)")).as("the forms are GOV.UK details").isEmpty();
        assertNoSidewaysScroll("plan page at 1366 px");
        browser.assertAccessible("plan page at 1366 px");
    }

    private static void assertNoSidewaysScroll(String page) {
        assertThat(number("return document.documentElement.scrollWidth"))
                .as("%s: no sideways scroll", page).isLessThanOrEqualTo(number("return window.innerWidth"));
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }
}
