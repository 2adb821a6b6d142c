package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * The frame of every page on GOV.UK Frontend (docs/adr/0009-design-system.md): on a 400 px phone a staff page does
 * not scroll sideways and the menu folds behind a toggle that opens it; the page the user is on is marked in the
 * menu; no font of GOV.UK's is asked for; axe finds nothing serious at 1366 and at 400 px.
 */
@IntegrationTest
class LayoutBrowserTest {

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

    @BeforeEach
    void pointAtServer() {
        browser.on(port);
    }

    @AfterEach
    void desktopAgain() {
        resize(1280, 1024);
    }

    @Test
    void onAPhoneTheStartPageDoesNotScrollSidewaysAndTheMenuOpensFromItsToggle() {
        browser.loginAs("coach");
        resize(400, 900);
        browser.open("/");

        assertThat(number("return window.innerWidth")).as("the window is a phone's").isLessThanOrEqualTo(400);
        assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll")
                .isLessThanOrEqualTo(400);
        WebElement toggle = browser.find(".govuk-service-navigation__toggle");
        WebElement menu = browser.find("#navigation");
        assertThat(toggle.isDisplayed()).as("the menu's toggle shows").isTrue();
        assertThat(toggle.getText()).isEqualTo("Meny");
        assertThat(menu.isDisplayed()).as("the menu is folded").isFalse();

        toggle.click();

        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> menu.isDisplayed());
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.findAll("#navigation a")).extracting(WebElement::getText)
                .contains("Start", "Unga", "Mina ärenden");
        assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll with the menu open")
                .isLessThanOrEqualTo(400);
        browser.assertAccessible("start page at 400 px, menu open");
    }

    @Test
    void onAWideScreenTheMenuShowsWithoutToggleAndTheCurrentPageIsMarked() {
        browser.loginAs("coach");
        resize(1366, 900);
        browser.open("/");

        assertThat(browser.find(".govuk-service-navigation__toggle").isDisplayed()).isFalse();
        assertThat(browser.find("#navigation").isDisplayed()).isTrue();
        assertThat(current()).containsExactly("Start");
        browser.assertAccessible("start page at 1366 px");

        browser.open("/persons/new");
        assertThat(current()).as("the longest entry that starts the path").containsExactly("Registrera ung");
        browser.open("/plan/referrals");
        assertThat(current()).containsExactly("Remisser");
        WebElement marked = browser.find("#navigation [aria-current]");
        assertThat(marked.getAttribute("aria-current")).isEqualTo("page");
        assertThat(marked.findElement(org.openqa.selenium.By.xpath("..")).getAttribute("class"))
                .contains("govuk-service-navigation__item--active");
    }

    @Test
    void lotsOwnFontAndColourAreUsedAndNoFontOfGovukIsAskedFor() {
        browser.loginAs("coach");
        browser.consoleErrors();
        browser.open("/");

        String font = (String) script("return getComputedStyle(document.querySelector('h1')).fontFamily");
        assertThat(font).doesNotContain("GDS Transport").contains("system-ui");
        assertThat(script("return getComputedStyle(document.querySelector('.govuk-service-navigation'))"
                + ".backgroundColor")).as("Lots' colour, not GOV.UK's").isEqualTo("rgb(0, 80, 110)");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) script(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).as("GOV.UK Frontend is loaded").anyMatch(url -> url.endsWith("govuk-frontend.min.css"))
                .anyMatch(url -> url.endsWith("govuk-frontend.min.js"));
        assertThat(loaded).as("no font or image of GOV.UK's brand").noneMatch(url -> url.contains("/assets/"))
                .noneMatch(url -> url.contains(".woff"));
        assertThat(script("return document.body.className")).asString().contains("govuk-frontend-supported");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private List<String> current() {
        return browser.findAll("#navigation a[aria-current=page]").stream().map(WebElement::getText).toList();
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js);
    }

    private static long number(String js) {
        return ((Number) script(js)).longValue();
    }
}
