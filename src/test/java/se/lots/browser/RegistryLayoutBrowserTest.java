package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.browser.Registration.aRegistration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * The registry's pages on GOV.UK Frontend on a 400 px phone (issue 22: staff pages scrolled sideways): the search
 * results' table becomes cards, the person's facts a summary list, the protected identity a notification banner; no
 * page scrolls sideways, checkboxes stand beside their labels, and axe finds nothing serious.
 */
@IntegrationTest
class RegistryLayoutBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

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
    void onAPhoneTheSearchResultsAndThePersonPageDoNotScrollSideways() {
        var selma = aRegistration();
        var sara = aRegistration().withProtectedIdentity();
        browser.on(port).loginAs("kaa");
        browser.register(selma);
        String selmaPage = browser.path();
        browser.register(sara);
        String saraPage = browser.path();
        resize(400, 800);

        browser.open("/persons?q=" + selma.lastName());
        System.out.printf("LAYOUT /persons?q= at 400x800: scrollWidth %d px, %d rows%n", scrollWidth(),
                browser.findAll("#search-results tbody tr").size());
        assertThat(browser.findAll("#search-results tbody tr")).isNotEmpty();
        assertThat(scrollWidth()).as("search results: no sideways scroll").isLessThanOrEqualTo(400);
        assertThat(browser.find("#search-results tbody tr").getCssValue("display")).as("a card per row").isEqualTo("grid");
        assertThat(browser.find("#search-results thead").getRect().getHeight()).as("no header line").isLessThanOrEqualTo(1);
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return getComputedStyle("
                + "document.querySelector('#search-results tbody td[data-label=Identitet]'), '::before').content"))
                .as("each cell headed by its column's name")
                .isIn("\"Identitet: \"", "attr(data-label) \": \"");
        browser.assertAccessible("person search at 400 px");

        browser.open(selmaPage);
        System.out.printf("LAYOUT /persons/{id} at 400x800: scrollWidth %d px%n", scrollWidth());
        assertThat(scrollWidth()).as("person page: no sideways scroll").isLessThanOrEqualTo(400);
        assertThat(browser.findAll("#facts .govuk-summary-list__row")).hasSizeGreaterThan(5);
        browser.assertAccessible("person page at 400 px");

        browser.open(saraPage);
        assertThat(scrollWidth()).isLessThanOrEqualTo(400);
        assertThat(browser.find(".govuk-notification-banner").getText()).contains("Skyddad folkbokföring.");
        assertThat(browser.findAll("#address")).isEmpty();
        browser.assertAccessible("protected person at 400 px");

        browser.open("/persons/new");
        assertThat(scrollWidth()).as("registration form: no sideways scroll").isLessThanOrEqualTo(400);
        var box = browser.find("#protectedIdentity");
        var label = browser.find("label[for=protectedIdentity]");
        assertThat(Math.abs(box.getRect().getY() + box.getRect().getHeight() / 2
                - (label.getRect().getY() + label.getRect().getHeight() / 2))).as("the box beside its label")
                .isLessThan(12);
        assertThat(label.getRect().getX()).isGreaterThan(box.getRect().getX());
        browser.assertAccessible("registration form at 400 px");
        label.click();
        assertThat(browser.find("#address").isDisplayed()).as("the label ticks the box").isFalse();

        resize(1366, 900);
        browser.open("/persons?q=" + selma.lastName());
        assertThat(browser.find("#search-results tbody tr").getCssValue("display")).as("a table on a wide screen")
                .isEqualTo("table-row");
        browser.find("main form[role=search] button").click();
        assertThat(browser.driver().findElements(By.cssSelector("#search-results tbody tr"))).isNotEmpty();
    }

    private static long scrollWidth() {
        return ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }
}
