package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * The demo KAA coordinator takes a young person's request for a register extract from the person's page, prepares
 * it, reviews it (the audit log's part withheld with the reason), downloads the PDF and the JSON file and records the
 * handover in person; in headless Chromium with axe on each page.
 */
@IntegrationTest
class RegisterExtractBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
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

    @Test
    @SuppressWarnings("unchecked")
    void theKaaCoordinatorRequestsPreparesReviewsDownloadsAndHandsOverAnExtract() {
        var coordinator = actors.byUsername("kaa");
        UUID person = registry.register(coordinator, aYoungPerson().named("Ronja", "Registersson").build()).id();
        browser.on(port).loginAs("kaa");

        browser.open("/persons/" + person);
        browser.clickAndWait("#extract-link");
        assertThat(browser.path()).startsWith("/integritet/registerutdrag/ny");
        assertThat(browser.find("#personalIdentityNumber").getAttribute("value")).matches("\\d{8}-\\d{4}");
        browser.find("label[for=requestedBy]").click();
        browser.assertAccessible("new request for a register extract");
        browser.clickAndWait("#save-request");
        assertThat(browser.text(".govuk-error-summary")).contains("Välj hur den som begär har visat vem den är.");
        browser.find("label[for=requestedBy]").click();
        browser.find("label[for=identityCheck]").click();
        browser.type("identityNote", "Körkort visat i receptionen");
        browser.clickAndWait("#save-request");

        assertThat(browser.path()).startsWith("/integritet/registerutdrag/");
        String casePath = browser.path();
        assertThat(browser.text("#person-name")).contains("Ronja Registersson");
        assertThat(browser.text("#status")).contains("Mottagen");
        assertThat(browser.text("#requested-by")).isEqualTo("Den unge själv");
        browser.assertAccessible("a received request");

        browser.open("/");
        assertThat(browser.text("#extract-start")).contains("Registerutdrag", "begäran om registerutdrag");
        browser.clickAndWait("#extract-start-link");
        assertThat(browser.text("#requests")).contains("Ronja Registersson", "Mottagen");
        browser.assertAccessible("the list of requests");
        browser.open(casePath);

        browser.clickAndWait("#prepare");
        assertThat(browser.text("#notice")).contains("Utdraget är förberett");
        assertThat(browser.text("#status")).contains("Förberedd");
        assertThat(browser.text("#section-registry")).contains("Person- och kontaktuppgifter");
        for (WebElement section : browser.findAll("section.lots-section")) {
            String register = section.getAttribute("id").substring("section-".length());
            if (!register.equals("audit")) {
                browser.find("label[for=decision-" + register + "]").click();
            }
        }
        browser.find("label[for=decision-audit-withhold]").click();
        browser.assertAccessible("the secrecy review");
        browser.clickAndWait("#save-review");
        assertThat(browser.text(".govuk-error-summary")).contains("Skriv skälet");
        browser.type("reason-audit", "OSL 18 kap. 8 § – uppgifter om säkerhetsåtgärder");
        browser.clickAndWait("#save-review");

        assertThat(browser.text("#status")).contains("Granskad");
        assertThat(browser.text("#section-audit")).contains("Lämnas inte ut", "OSL 18 kap. 8 §");
        browser.assertAccessible("a reviewed extract");
        var pdf = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('download-pdf').href).then(async r => done({
                    status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength }))
                  .catch(e => done({ error: String(e) }));""");
        assertThat(pdf.get("status")).isEqualTo(200L);
        assertThat((String) pdf.get("type")).startsWith("application/pdf");
        assertThat((Long) pdf.get("size")).isGreaterThan(1000L);
        var json = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('download-json').href).then(async r => done({
                    status: r.status, text: await r.text() })).catch(e => done({ error: String(e) }));""");
        assertThat(json.get("status")).isEqualTo(200L);
        assertThat((String) json.get("text")).contains("\"registerutdrag\"", "Ronja")
                .containsPattern("\"withheld\"\\s*:\\s*true");

        browser.find("label[for=handover]").click();
        browser.clickAndWait("#hand-over");
        assertThat(browser.text("#status")).contains("Utlämnad");
        assertThat(browser.text("#handed-over")).contains("Personligen, mot legitimation");
        browser.assertAccessible("an extract handed over");
    }
}
