package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.intervention.InterventionBuilder.anIntervention;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.security.CurrentActor;

/**
 * The public catalogue /katalog as a young person opens it on a phone, and on a laptop (issue 22: it was 845 px wide
 * on a 400 px phone and its first result started about 1 300 px down): no sideways scroll, the filters folded behind
 * "Filtrera" on the phone, the first result within the first screen, axe clean at both widths.
 */
@IntegrationTest
class PublicCatalogueLayoutBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    CurrentActor actors;

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
    void onAPhoneTheCatalogueFitsTheScreenTheFiltersFoldAndTheFirstResultIsOnTheFirstScreen() {
        String m = "mobil" + System.nanoTime() % 100_000;
        Provider p = provider(m);
        catalogue.create(actors.byUsername("forbund"), anIntervention(p).named("Ungdomsgruppen " + m).build());
        browser.on(port).forgetSession();
        resize(400, 800);

        browser.open("/katalog");
        long width = number("return document.documentElement.scrollWidth");
        long first = firstResultTop();
        System.out.printf("LAYOUT /katalog at 400x800: scrollWidth %d px, first result at %d px%n", width, first);
        browser.screenshot("katalog-400");
        assertThat(number("return window.innerWidth")).as("the window is a phone's").isLessThanOrEqualTo(400);
        assertThat(width).as("no sideways scroll").isLessThanOrEqualTo(400);
        assertThat(first).as("the first result on the first screen").isLessThan(800);
        assertThat(browser.find("#filters").getAttribute("open")).as("the filters are folded").isNull();
        assertThat(browser.find("#facet-kind").isDisplayed()).isFalse();
        browser.assertAccessible("public catalogue at 400 px");

        browser.find("#filters summary").click();
        assertThat(browser.find("#facet-kind").isDisplayed()).as("the filters open from their summary").isTrue();
        assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll, filters open")
                .isLessThanOrEqualTo(400);
        browser.assertAccessible("public catalogue at 400 px, filters open");

        browser.type("q", m);
        browser.clickAndWait("#search-submit");
        assertThat(browser.text("#hit-count")).isEqualTo("Träffar: 1");
        assertThat(browser.text("#results")).contains("Ungdomsgruppen " + m, "Föreningen " + m);
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(400);

        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText("Ungdomsgruppen " + m)));
        System.out.printf("LAYOUT /katalog/{id} at 400x800: scrollWidth %d px%n",
                number("return document.documentElement.scrollWidth"));
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(400);
        assertThat(browser.text("#facts")).contains("0418-123 45");
        browser.assertAccessible("public intervention at 400 px");

        browser.open("/katalog/begrepp");
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(400);
        browser.assertAccessible("public glossary at 400 px");
    }

    @Test
    void onALaptopTheFirstResultIsHighOnTheScreenWithTheFiltersBesideIt() {
        String m = "bred" + System.nanoTime() % 100_000;
        catalogue.create(actors.byUsername("forbund"), anIntervention(provider(m)).named("Studiecirkel " + m).build());
        browser.on(port).forgetSession();
        resize(1366, 900);

        browser.open("/katalog");
        long width = number("return document.documentElement.scrollWidth");
        long first = firstResultTop();
        System.out.printf("LAYOUT /katalog at 1366x900: scrollWidth %d px, first result at %d px%n", width, first);
        browser.screenshot("katalog-1366");
        assertThat(width).isLessThanOrEqualTo(1366);
        assertThat(first).as("the first result high on the first screen").isLessThan(600);
        assertThat(browser.find("#facet-kind").isDisplayed()).as("the filters show beside the results").isTrue();
        browser.assertAccessible("public catalogue at 1366 px");

        browser.find("#kaa").click();
        browser.clickAndWait("#search-submit");
        assertThat(browser.path()).contains("kaa=true");
        assertThat(browser.find("#kaa").isSelected()).isTrue();
        assertThat(browser.find("#filters").getAttribute("open")).as("chosen filters stay in sight").isNotNull();
    }

    private Provider provider(String m) {
        return catalogue.saveProvider(actors.byUsername("forbund"), null, new ProviderInput(null, null,
                "Föreningen " + m, "CIVIL_SOCIETY", "Kalle Kontaktsson", "0418-123 45", "info@example.se",
                "Storgatan 1, Svalöv", "Mån–fre 9–16", null));
    }

    /** Where the first result starts, from the top of the page (not of the window). */
    private static long firstResultTop() {
        return number("const r = document.querySelector('#results li, #results tbody tr');"
                + " return Math.round(r.getBoundingClientRect().top + window.scrollY);");
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }

    private static long number(String js) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(js)).longValue();
    }
}
