package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.security.Actor;

/**
 * The KAA worklist as a dense table with bulk selection (issue 22: one row showed above the fold at 1366×900 because
 * each row had its own dropdown and save button): at least 15 rows above the fold, and the coordinator gives three
 * people to a case worker at once, with the live count, the page's answer and the audit rows; on a phone the table
 * does not make the page scroll sideways.
 */
@IntegrationTest
class KaaWorklistBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
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

    @AfterEach
    void desktopAgain() {
        resize(1280, 1024);
    }

    @Test
    void aCoordinatorSeesFifteenRowsAboveTheFoldAndAssignsThreePeopleAtOnce() {
        Actor coordinator = fixture.newMunicipality();
        Actor outreach = fixture.caseWorkerOf(coordinator);
        register(coordinator, 22);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");
        resize(1366, 900);

        browser.open("/kaa");
        long fold = number("return window.innerHeight");
        long above = number("return [...document.querySelectorAll('#worklist tbody tr')]"
                + ".filter(r => r.getBoundingClientRect().bottom <= window.innerHeight).length");
        System.out.printf("LAYOUT /kaa at 1366x900: %d of %d rows above the fold (%d px)%n", above,
                browser.findAll("#worklist tbody tr").size(), fold);
        browser.screenshot("kaa-worklist-1366");
        System.out.println("LAYOUT /kaa tops: " + ((JavascriptExecutor) browser.driver()).executeScript(
                "return [...document.querySelectorAll('main > *, #worklist thead, #worklist tbody tr')].slice(0, 14)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id + '@' + Math.round(e.getBoundingClientRect().top)"
                + " + '+' + Math.round(e.getBoundingClientRect().height)).join(' | ')"));
        assertThat(above).as("rows wholly above the fold at 1366×900").isGreaterThanOrEqualTo(15);
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(1366);
        browser.assertAccessible("kaa worklist at 1366 px");

        List<WebElement> boxes = browser.findAll("#worklist tbody input[name=episode]");
        List<String> chosen = boxes.subList(0, 3).stream().map(b -> b.getAttribute("value")).toList();
        boxes.subList(0, 3).forEach(WebElement::click);
        assertThat(browser.text("#selection-count")).isEqualTo("3 markerade");
        browser.find("#select-all").click();
        assertThat(browser.text("#selection-count")).isEqualTo("22 markerade");
        browser.find("#select-all").click();
        assertThat(browser.text("#selection-count")).isEqualTo("0 markerade");
        boxes = browser.findAll("#worklist tbody input[name=episode]");
        for (int i = 0; i < 3; i++) {
            boxes.get(i).click();
        }
        assertThat(browser.find("#select-all").getAttribute("indeterminate")).isEqualTo("true");
        browser.choose("assignTo", String.valueOf(outreach.userId()));
        browser.clickAndWait("#assign-chosen");

        assertThat(browser.path()).startsWith("/kaa");
        assertThat(browser.text(".govuk-notification-banner--success"))
                .contains("3 personer har fått " + outreach.displayName() + " som ansvarig.");
        for (String episode : chosen) {
            assertThat(browser.text("#row-" + episode)).contains(outreach.displayName());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE assigned_to = ? AND organisation_id = ?")
                .params(outreach.userId(), coordinator.organisationId().value()).query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry a JOIN kaa_episode e ON e.person_id = a.person_id
                 WHERE e.id IN (?::uuid, ?::uuid, ?::uuid) AND a.username = ? AND a.action = 'UPDATE'
                   AND a.detail = 'KAA-tilldelning'""").params(chosen.get(0), chosen.get(1), chosen.get(2),
                coordinator.username()).query(Long.class).single()).as("one audit row per person").isEqualTo(3);
        browser.assertAccessible("kaa worklist after assigning");

        // the case worker's own list has the three
        browser.open("/kaa?filter=UNASSIGNED");
        assertThat(browser.findAll("#worklist tbody tr")).hasSize(19);

        // on a phone the table does not make the page scroll sideways
        resize(400, 800);
        browser.open("/kaa");
        browser.screenshot("kaa-worklist-400");
        assertThat(number("return document.documentElement.scrollWidth")).as("no sideways scroll at 400 px")
                .isLessThanOrEqualTo(400);
        browser.assertAccessible("kaa worklist at 400 px");
    }

    @Test
    void onAPhoneTheKaaPersonPageDoesNotScrollSidewaysWithItsTablesAndFormsOpen() {
        Actor coordinator = fixture.newMunicipality();
        register(coordinator, 1);
        browser.on(port).login(coordinator.username(), "ett-langt-losenord");
        resize(400, 800);
        browser.open("/kaa");
        browser.clickAndWait(browser.find("#worklist tbody a"));
        String personPage = browser.path();
        assertThat(personPage).startsWith("/kaa/persons/");
        assertThat(number("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("the KAA person page at 400 px: no sideways scroll").isLessThanOrEqualTo(0);
        browser.screenshot("kaa-person-400-top");
        browser.assertAccessible("kaa person at 400 px");

        // a contact attempt and a measure, so that the page's tables have rows (cards on a phone)
        browser.choose("channel", "TELEFON");
        browser.choose("outcome", "NADD");
        browser.type("note", "Ringde, bokade ett möte på biblioteket nästa vecka.");
        browser.clickAndWait("#contact-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Kontaktförsöket är sparat.");
        browser.find("#new-measure summary").click();
        browser.choose("measure-category", "PRAKTIK");
        browser.type("measure-content", "Praktik i en butik tre dagar i veckan, med handledare på plats");
        browser.clickAndWait("#measure-form button[type=submit]");
        assertThat(browser.text(".notice")).isEqualTo("Åtgärden är sparad.");
        assertThat(browser.find("#contacts tbody tr").getCssValue("display")).as("a card per row").isEqualTo("grid");
        assertThat(browser.text("#measure-list")).contains("Praktik i en butik");

        browser.find("#new-status summary").click();
        browser.find("#new-measure summary").click();
        assertThat(browser.find("#reviewOn").isDisplayed()).as("the status form unfolds").isTrue();
        System.out.printf("LAYOUT %s at 400x800: scrollWidth %d px, innerWidth %d px%n", personPage,
                number("return document.documentElement.scrollWidth"), number("return window.innerWidth"));
        browser.screenshot("kaa-person-400");
        assertThat(number("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("no sideways scroll with the tables filled and the forms open").isLessThanOrEqualTo(0);
        browser.assertAccessible("kaa person at 400 px with its forms open");

        resize(1366, 900);
        browser.open(personPage);
        browser.screenshot("kaa-person-1366");
        assertThat(browser.find("#contacts tbody tr").getCssValue("display")).as("a table on a wide screen")
                .isEqualTo("table-row");
    }

    private void register(Actor coordinator, int people) {
        var sb = new StringBuilder("personnummer;förnamn;efternamn;situation\n");
        for (int i = 0; i < people; i++) {
            sb.append(fixture.kaaAgeNumber()).append(";Person").append((char) ('A' + i)).append(";Tätsson;studiebevis\n");
        }
        var sv = Locale.forLanguageTag("sv");
        var preview = imports.upload(coordinator, "lista.csv", sb.toString().getBytes(StandardCharsets.UTF_8), sv);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), sv);
    }

    private static void resize(int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
    }

    private static long number(String js) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(js)).longValue();
    }
}
