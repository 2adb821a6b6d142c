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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.plan.PlanService;
import se.lots.plan.StepInput;
import se.lots.plan.plans.PlanInput;
import se.lots.plan.plans.TrackKind;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A case worker's day from the start page, in headless Chromium with axe: the overdue step of a plan they coordinate
 * is on the start page; they follow it, mark the step done, come back to the start page and it is gone. On a phone
 * neither the start page nor Mina ärenden scrolls sideways.
 */
@IntegrationTest
class CaseStartBrowserTest {

    private static final String PASSWORD = "ett-langt-losenord";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    PlanService plans;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    Clock clock;
    // a colleague of the coach's in the coach's unit: the municipality is divided into lines of work
    @Autowired
    UserAccounts users;

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
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    /** A fixture case worker of the coach's organisation who coordinates one plan with a colleague's overdue step. */
    private Actor caseWorkerWithAnOverdueStep(String stepTitle) {
        Actor coach = actors.byUsername("coach");
        String username = "dag-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser(username, PASSWORD, "Dagny Handläggare", Role.CASE_WORKER,
                coach.organisationId(), users.byUsername("coach").orElseThrow().unitId()));
        Actor worker = actors.byUsername(username);
        UUID person = registry.register(coach, aYoungPerson().named("Dagmar", "Startsida").build()).id();
        plans.create(coach, person);
        var page = plans.page(coach, person);
        plans.update(coach, person, new PlanInput("Ett jobb med djur", null, String.valueOf(worker.userId()), null,
                page.plan().version()));
        long track = page.tracks().stream().filter(t -> t.kind() == TrackKind.ARBETE).findFirst().orElseThrow().id();
        LocalDate today = LocalDate.now(clock);
        plans.addStep(coach, person, new StepInput(String.valueOf(track), stepTitle, "KOMMUNEN",
                String.valueOf(coach.userId()), null, null, null, null, null, null, today.minusDays(4).toString(),
                "PAGAR", null, false, List.of(), null));
        return worker;
    }

    @Test
    void aCaseWorkerFollowsAnOverdueStepFromTheStartPageMarksItDoneAndItIsGone() {
        Actor worker = caseWorkerWithAnOverdueStep("Boka studiebesök");
        browser.on(port).login(worker.username(), PASSWORD);
        assertThat(browser.path()).isEqualTo("/");

        assertThat(browser.text("#plan-start-caseload")).isEqualTo("Du har 1 ärende");
        assertThat(browser.text("#plan-start-steps")).contains("Försenade steg", "Dagmar Startsida: Boka studiebesök");
        assertThat(browser.find("#q").isDisplayed()).as("the person search is on top").isTrue();
        browser.assertAccessible("start page with the case worker's panel");

        WebElement item = browser.findAll("#plan-start-steps a.plan-start-step").stream()
                .filter(a -> a.getText().contains("Boka studiebesök")).findFirst().orElseThrow();
        browser.clickAndWait(item);
        assertThat(browser.path()).startsWith("/plan/steps/");
        browser.choose("status", "KLAR");
        browser.clickAndWait("#save-step");
        assertThat(browser.path()).as("back on the plan").matches("/persons/[0-9a-f-]+/plan(#.*)?");

        browser.open("/");
        // the organisation may have referrals waiting from other tests (then the day lists them with "Försenade steg
        // 0"), or none (then the whole day is "nothing due"): either way the step is gone and nothing is overdue
        assertThat(browser.text("#plan-start")).doesNotContain("Boka studiebesök").contains("Inget är försenat");
        if (!browser.findAll("#plan-start-steps").isEmpty()) {
            assertThat(browser.text("#plan-start-steps")).contains("Försenade steg 0", "Inget är försenat.");
        }
        browser.open("/plan");
        assertThat(browser.text("#case-worklist")).contains("Dagmar Startsida", "Samordnare");
    }

    @Test
    void onAPhoneTheStartPageAndMinaArendenDoNotScrollSideways() {
        Actor worker = caseWorkerWithAnOverdueStep("Ett steg med en mycket lång rubrik som inte får bli bredare än telefonen");
        browser.on(port).login(worker.username(), PASSWORD);
        browser.driver().manage().window().setSize(new Dimension(400, 900));

        for (String page : List.of("/", "/plan")) {
            browser.open(page);
            assertThat(number("return window.innerWidth")).as("a phone's window").isLessThanOrEqualTo(400);
            assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll on " + page)
                    .isLessThanOrEqualTo(number("return window.innerWidth"));
            browser.assertAccessible(page + " at 400 px");
        }
        browser.open("/");
        // one column: the second panel is below the first, not beside it (which panels come second depends on what
        // else the user has: this week's booked times, enrolments without a start registration)
        String panel = "return document.querySelectorAll('.lots-start-panels > *')[%d].getBoundingClientRect().left";
        long first = number(panel.formatted(0));
        long second = number(panel.formatted(1));
        assertThat(second).isEqualTo(first);

        browser.driver().manage().window().setSize(new Dimension(1366, 900));
        browser.open("/");
        long wideFirst = number(panel.formatted(0));
        long wideSecond = number(panel.formatted(1));
        assertThat(wideSecond).as("two columns at 1366 px").isGreaterThan(wideFirst + 300);
        assertThat(number("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(number("return window.innerWidth"));
    }

    private static long number(String script) {
        return ((Number) browser.driver().executeScript(script)).longValue();
    }
}
