package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.EnrolmentService;
import se.lots.security.CurrentActor;

/** A reversed or unreadable period on the goals page, the funder's report, its downloads and Uppföljning Finsam. */
@IntegrationTest
class ProgressionPeriodIntegrationTest {

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
            var reversed = lead.get(page + REVERSED);
            assertThat(reversed.statusCode()).as(page).isEqualTo(200);
            assertThat(text(reversed)).as(page).contains(ORDER);
            assertThat(reversed.body()).as(page).contains("name=\"from\"", "name=\"to\"");

            var unreadable = lead.get(page + "?from=bad");
            assertThat(unreadable.statusCode()).as(page).isEqualTo(200);
            assertThat(text(unreadable)).as(page).contains(FORMAT);
        }
    }

    @Test
    void finsamShowsAReversedOrUnreadablePeriodAsTheFormsError() {
        var forbund = logIn("forbund");

        var reversed = forbund.get("/uppfoljning/finsam" + REVERSED);
        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(text(reversed)).contains(ORDER);

        var unreadable = forbund.get("/uppfoljning/finsam?to=31/12");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(text(unreadable)).contains(FORMAT);
    }

    @Test
    void aDownloadWithAReversedOrUnreadablePeriodIsA400WithTheMessage() {
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Period " + UUID.randomUUID());
        var lead = logIn("insatsledare");

        for (String download : new String[] { "/programmes/" + programme + "/rapport.xlsx",
            "/programmes/" + programme + "/rapport.pdf" }) {
            var reversed = lead.get(download + REVERSED);
            assertThat(reversed.statusCode()).as(download).isEqualTo(400);
            assertThat(text(reversed)).as(download).contains(ORDER);
            var unreadable = lead.get(download + "?from=bad");
            assertThat(unreadable.statusCode()).as(download).isEqualTo(400);
            assertThat(text(unreadable)).as(download).contains(FORMAT);
        }
        var finsam = logIn("forbund").get("/uppfoljning/finsam.xlsx" + REVERSED);
        assertThat(finsam.statusCode()).isEqualTo(400);
        assertThat(text(finsam)).contains(ORDER);
    }

    private static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }
}
