package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.federation.money.FederationMoneyFixture;
import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.security.CurrentActor;

/**
 * The förbund's money in headless Chromium: the officer adds a budget line and a payment to a programme the board
 * granted 100 000 kr, enters a quarter's use above the grant (refused until she ticks that she has seen it), and
 * sees the warning on the programme's money page and on the förbund's year. axe on every page on the way.
 */
@IntegrationTest
class MoneyBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
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

    @Test
    void theOfficerEntersABudgetAPaymentAndAUseAboveTheGrantAndSeesTheWarning() {
        var fixture = new FederationMoneyFixture(organisations, actors, enrolments, events, jdbc);
        var f = fixture.newForbund();
        long programme = fixture.programme(f, "Framsteget " + f.n(), "FS-" + f.n());
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        fixture.grant(f, programme, year, "100000");
        String page = "/forbund/insatser/" + programme + "/ekonomi?ar=" + year;

        browser.on(port).login(f.officer().username(), FederationMoneyFixture.PASSWORD);
        browser.open(page);
        assertThat(browser.text("#year-granted")).isEqualTo("100 000,00 kr");
        browser.assertAccessible("programme money");

        browser.type("budgetYear", String.valueOf(year));
        browser.type("budgetFunderName", "Statsbidrag");
        browser.type("budgetAmount", "120 000");
        browser.clickAndWait("#budget-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("Budgetraden är sparad");
        assertThat(browser.text("#money-budget")).contains("Statsbidrag", "120 000,00 kr");
        assertThat(browser.text("#year-budgeted")).isEqualTo("120 000,00 kr");

        // a date field takes its value as the browser's locale writes dates: set it as the date picker would
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", "paidOn",
                today.toString());
        browser.type("paymentAmount", "50 000");
        browser.clickAndWait("#payment-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("Utbetalningen är registrerad");
        assertThat(browser.text("#year-paid")).isEqualTo("50 000,00 kr");

        browser.type("useYear", String.valueOf(year));
        browser.find("label[for=useQuarter-2]").click();
        browser.type("useAmount", "130 000");
        browser.clickAndWait("#use-form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Förbrukningen för " + year
                + " blir 130 000 kr, mer än beviljade 100 000 kr");
        assertThat(browser.text("#confirmAboveGrant-error")).contains("Kryssa i");
        assertThat(browser.find("#useAmount").getAttribute("value")).isEqualTo("130 000");
        assertThat(browser.text("#year-used")).isEqualTo("0,00 kr");
        browser.assertAccessible("programme money, use above the grant refused");

        browser.find("label[for=confirmAboveGrant]").click();
        browser.clickAndWait("#use-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("Förbrukningen är sparad");
        assertThat(browser.text("#use-" + year + "-2")).contains("130 000,00 kr");
        assertThat(browser.text("#over-grant-" + programme)).contains("har förbrukat 130 000,00 kr under " + year,
                "bara beviljats 100 000,00 kr");
        assertThat(browser.text("#ahead-of-payments-" + programme)).contains("mer än vad som har betalats ut");
        assertThat(browser.text("#year-remaining")).isEqualTo("\u221230 000,00 kr");
        browser.assertAccessible("programme money with warnings");

        browser.open("/forbund/ekonomi?ar=" + year);
        assertThat(browser.text("#money-warnings")).contains("Framsteget " + f.n(), "bara beviljats 100 000,00 kr");
        assertThat(browser.text("#programme-" + programme)).contains("Över beviljat");
        assertThat(browser.text("#annual-decided")).contains("100 000,00 kr");
        browser.assertAccessible("the förbund's year with a warning");
    }
}
