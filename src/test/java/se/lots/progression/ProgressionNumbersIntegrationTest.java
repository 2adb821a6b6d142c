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

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** The goals page and the funder's report write their figures as the reader's language does. */
@IntegrationTest
class ProgressionNumbersIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String NBSP = "\u00a0";

    @LocalServerPort
    int port;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    FunderReportService reports;
    @Autowired
    CurrentActor actors;

    private long programmeWithGoals() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Siffror " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "62,5"));
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "1200"));
        return programme;
    }

    @Test
    void theGoalsPageWritesSharesAndLargeTargetsInSwedishAndInEnglish() {
        long programme = programmeWithGoals();
        var lead = logIn("insatsledare");

        String swedish = text(get(lead, "/programmes/" + programme + "/mal"));
        assertThat(swedish).contains(">62,5" + NBSP + "%<", ">1" + NBSP + "200<").doesNotContain("62.50", "62,50");

        String english = text(get(lead, "/programmes/" + programme + "/mal?lang=en"));
        assertThat(english).contains(">62.5%<", ">1,200<");
    }

    @Test
    void theReportsPdfWritesASwedishShare() throws Exception {
        long programme = programmeWithGoals();
        var lead = logIn("insatsledare");

        var pdf = send(lead, HttpRequest.newBuilder(uri("/programmes/" + programme + "/rapport.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).containsPattern("62,5[ " + NBSP + "]%").doesNotContain("62.50", "62,50");
        }
    }

    @Test
    void theKaaFiguresPageWritesItsSharesAndItsChartsScaleInSwedishAndInEnglish() {
        var coordinator = logIn("kaa");

        String swedish = text(get(coordinator, "/kaa/figures"));
        assertThat(swedish).contains(">0" + NBSP + "%<", ">100" + NBSP + "%<").doesNotContainPattern("\\d( )?%<");

        String english = text(get(coordinator, "/kaa/figures?lang=en"));
        assertThat(english).contains(">0%<", ">100%<").doesNotContainPattern("\\d[ " + NBSP + "]%<");
    }

    private static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=lots-demo-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = send(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
