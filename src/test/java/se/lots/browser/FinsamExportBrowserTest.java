package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * The förbund officer's Uppföljning Finsam in headless Chromium: the period is chosen from the fixed periods (no free
 * dates), a period typed into the address is refused with a Swedish message and the latest half-year shown, and the
 * hand-in for Uppföljning Finsam downloads as CSV and xlsx; axe on each page.
 */
@IntegrationTest
class FinsamExportBrowserTest {

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

    @Test
    void theOfficerChoosesAFixedPeriodAndDownloadsTheHandIn() {
        browser.on(port).loginAs("forbund");
        browser.open("/uppfoljning/finsam");
        assertThat(browser.text("h1")).contains("Uppföljning Finsam");
        assertThat(browser.findAll("input[type=date]")).as("no free dates for a suppressed view").isEmpty();
        List<WebElement> options = browser.findAll("#period option");
        assertThat(options).hasSizeGreaterThanOrEqualTo(3);
        assertThat(options.get(0).getText()).containsAnyOf("Helåret", "halvåret");
        browser.assertAccessible("Uppföljning Finsam with the fixed periods");

        String year = options.stream().map(o -> o.getAttribute("value")).filter(v -> v.matches("\\d{4}")).findFirst()
                .orElseThrow();
        new org.openqa.selenium.support.ui.Select(browser.find("#period")).selectByValue(year);
        browser.clickAndWait("form.period button");
        assertThat(browser.source()).contains("period=" + year);
        assertThat(browser.find("#period option[value='" + year + "']").isSelected()).isTrue();
        assertThat(browser.find("#finsam-export-csv").getAttribute("href")).contains("/uppfoljning/finsam/export.csv?period=" + year);

        byte[] csv = browser.download(browser.find("#finsam-export-csv").getAttribute("href"));
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFInsats;Anordnare;Period;Tabell;Rad;Kolumn;Antal");
        byte[] xlsx = browser.download(browser.find("#finsam-export-xlsx").getAttribute("href"));
        assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");

        browser.open("/uppfoljning/finsam?from=2025-01-01&to=2025-05-31");
        assertThat(browser.text("#period-errors")).contains("kalenderhalvår");
        browser.assertAccessible("Uppföljning Finsam refusing a free period");
    }
}
