package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

@IntegrationTest
class LoginAndLanguageBrowserTest {

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

    @Test
    void wrongPasswordShowsTheSwedishErrorAndTheRightOneLetsKaaIn() {
        browser.forgetSession();
        browser.open("/persons");
        assertThat(browser.path()).as("an anonymous visitor is sent to the login page").isEqualTo("/login");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("sv");
        browser.assertAccessible("login page");

        browser.login("kaa", "fel-losenord-2026");
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text("main p.error"))
                .isEqualTo("Fel användarnamn eller lösenord, eller kontot är inaktiverat.");
        assertThat(browser.find("main p.error").getAttribute("role")).isEqualTo("alert");
        browser.assertAccessible("login page with error");

        browser.loginAs("kaa");
        assertThat(browser.text("h1")).isEqualTo("Välkommen, Karin Ahlström");
        assertThat(browser.text("header .who")).contains("Karin Ahlström", "KAA-samordnare");
        assertThat(browser.findAll("header nav a")).extracting(a -> a.getText())
                .contains("Unga", "Registrera ung").doesNotContain("Logguppföljning");
        browser.assertAccessible("start page");
    }

    @Test
    void inEnglishLinkTurnsThePageEnglishAndTheChoiceIsRemembered() {
        browser.loginAs("kaa");
        assertThat(browser.text("h1")).isEqualTo("Välkommen, Karin Ahlström");

        var link = browser.find("header .session a[lang]");
        assertThat(link.getText()).isEqualTo("In English");
        assertThat(link.getAttribute("lang")).as("the link text is English, so it says so").isEqualTo("en");
        browser.clickAndWait(link);

        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("h1")).isEqualTo("Welcome, Karin Ahlström");
        assertThat(browser.text("header .who")).startsWith("Logged in as Karin Ahlström");
        assertThat(browser.text("header .session a[lang]")).isEqualTo("På svenska");
        browser.assertAccessible("start page in English");

        browser.open("/persons/new");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.find("label[for=firstName]").getText()).isEqualTo("First name");

        browser.clickAndWait("header .session a[lang]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.find("label[for=firstName]").getText()).isEqualTo("Förnamn");
    }

    @Test
    void languageSwitchKeepsThePageTheUserIsOn() {
        browser.loginAs("granskare");
        browser.open("/audit?username=kaa");
        assertThat(browser.findAll("#audit-entries")).hasSize(1);

        browser.clickAndWait("header .session a[lang]");
        assertThat(browser.text("h1")).isEqualTo("Audit follow-up");
        assertThat(browser.findAll("#audit-entries")).as("the search is still shown").hasSize(1);

        browser.clickAndWait("main form[action$='/audit/verify'] button");
        browser.clickAndWait("header .session a[lang]");
        assertThat(browser.status()).isEqualTo(200L);
        assertThat(browser.text("h1")).isEqualTo("Logguppföljning");
    }

    @Test
    void pagesAreStyledAndAnAddressThatIsNoPageGivesTheSwedishNotFoundPage() {
        browser.loginAs("kaa");
        browser.open("/kaa");
        assertThat(browser.find("header .govuk-service-navigation").getCssValue("background-color"))
                .as("the page is styled: GOV.UK Frontend's navigation in Lots' colour").isEqualTo("rgba(0, 80, 110, 1)");
        browser.open("/kaa/finns-inte/alls");
        assertThat(browser.status()).isEqualTo(404L);
        assertThat(browser.text("main")).contains("Sidan eller posten finns inte.");
        browser.open("/css/finns-inte.css");
        assertThat(browser.status()).isEqualTo(404L);
        browser.open("/css/lots.css");
        assertThat(browser.status()).as("the style sheet every page links").isEqualTo(200L);
        assertThat(browser.source()).contains(".lots-dense");
    }
}
