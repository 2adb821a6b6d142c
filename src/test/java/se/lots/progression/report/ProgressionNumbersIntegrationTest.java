package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** The goals page and the funder's report write their figures as the reader's language does. */
@IntegrationTest
class ProgressionNumbersIntegrationTest {

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

        String swedish = text(lead.get("/programmes/" + programme + "/mal"));
        assertThat(swedish).contains(">62,5" + NBSP + "%<", ">1" + NBSP + "200<").doesNotContain("62.50", "62,50");

        String english = text(lead.get("/programmes/" + programme + "/mal?lang=en"));
        assertThat(english).contains(">62.5%<", ">1,200<");
    }

    @Test
    void theReportsPdfWritesASwedishShare() throws Exception {
        long programme = programmeWithGoals();
        var lead = logIn("insatsledare");

        var pdf = lead.send(lead.request("/programmes/" + programme + "/rapport.pdf"),
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

        String swedish = text(coordinator.get("/kaa/figures"));
        assertThat(swedish).contains(">0" + NBSP + "%<", ">100" + NBSP + "%<").doesNotContainPattern("\\d( )?%<");

        String english = text(coordinator.get("/kaa/figures?lang=en"));
        assertThat(english).contains(">0%<", ">100%<").doesNotContainPattern("\\d[ " + NBSP + "]%<");
    }

    private static String text(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.body());
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }
}
