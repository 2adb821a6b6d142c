package se.lots.progression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentService;
import se.lots.security.CurrentActor;

/** A reversed or unreadable period on the goals page, the funder's report, its downloads and Uppföljning Finsam. */
@IntegrationTest
class ProgressionPeriodIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String REVERSED = "?from=2026-12-31&to=2026-01-01";
    private static final String ORDER = "Till: slutdatum kan inte vara före startdatum.";
    private static final String FORMAT = "Datumet ska skrivas ÅÅÅÅ-MM-DD.";

    @LocalServerPort
    int port;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    CurrentActor actors;

    @Test
    void theGoalsPageAndTheReportShowAReversedOrUnreadablePeriodAsTheFormsErrorAndStayUsable() {
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Period " + UUID.randomUUID());
        var lead = logIn("insatsledare");

        for (String page : new String[] { "/programmes/" + programme + "/mal", "/programmes/" + programme + "/rapport" }) {
            var reversed = get(lead, page + REVERSED);
            assertThat(reversed.statusCode()).as(page).isEqualTo(200);
            assertThat(text(reversed)).as(page).contains(ORDER);
            assertThat(reversed.body()).as(page).contains("name=\"from\"", "name=\"to\"");

            var unreadable = get(lead, page + "?from=bad");
            assertThat(unreadable.statusCode()).as(page).isEqualTo(200);
            assertThat(text(unreadable)).as(page).contains(FORMAT);
        }
    }

    @Test
    void finsamShowsAReversedOrUnreadablePeriodAsTheFormsError() {
        var forbund = logIn("forbund");

        var reversed = get(forbund, "/uppfoljning/finsam" + REVERSED);
        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(text(reversed)).contains(ORDER);

        var unreadable = get(forbund, "/uppfoljning/finsam?to=31/12");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(text(unreadable)).contains(FORMAT);
    }

    @Test
    void aDownloadWithAReversedOrUnreadablePeriodIsA400WithTheMessage() {
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Period " + UUID.randomUUID());
        var lead = logIn("insatsledare");

        for (String download : new String[] { "/programmes/" + programme + "/rapport.xlsx",
            "/programmes/" + programme + "/rapport.pdf" }) {
            var reversed = get(lead, download + REVERSED);
            assertThat(reversed.statusCode()).as(download).isEqualTo(400);
            assertThat(text(reversed)).as(download).contains(ORDER);
            var unreadable = get(lead, download + "?from=bad");
            assertThat(unreadable.statusCode()).as(download).isEqualTo(400);
            assertThat(text(unreadable)).as(download).contains(FORMAT);
        }
        var finsam = get(logIn("forbund"), "/uppfoljning/finsam.xlsx" + REVERSED);
        assertThat(finsam.statusCode()).isEqualTo(400);
        assertThat(text(finsam)).contains(ORDER);
    }

    private static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=lots-demo-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
