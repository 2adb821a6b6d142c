package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** The report, goals and Finsam pages as a browser gets them: unique ids, charts, and no empty goal tables. */
@IntegrationTest
class FunderReportPageIntegrationTest {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    FunderReportService reports;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    FunderReportPdf pdf;
    @Autowired
    CurrentActor actors;

    static List<String> duplicateIds(String html) {
        var seen = new HashSet<String>();
        var duplicates = new ArrayList<String>();
        // comments are not elements (the layout's comment names <main id="content">)
        var m = ID.matcher(html.replaceAll("(?s)<!--.*?-->", ""));
        while (m.find()) {
            if (!seen.add(m.group(1))) {
                duplicates.add(m.group(1));
            }
        }
        return duplicates;
    }

    static int count(String html, String s) {
        return html.split(Pattern.quote(s), -1).length - 1;
    }

    @Test
    void theReportHasUniqueIdsItsChartsAndOneGoalTableOnlyWhenThereAreGoals() throws IOException {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Rapportsidan " + UUID.randomUUID());
        var web = WebSession.logIn(port, "insatsledare");

        String empty = web.get("/programmes/" + programme + "/rapport").body();
        assertThat(duplicateIds(empty)).isEmpty();
        assertThat(empty).doesNotContain("id=\"goals\"").contains("id=\"no-goals\"");
        assertThat(count(empty, "<table")).as("registered, discharged, occupations, incomes, transfers, Finsam")
                .isEqualTo(6);
        assertThat(empty).contains("id=\"chart-occupations\"", "id=\"chart-incomes\"", "role=\"img\"",
                "aria-labelledby=\"chart-occupations-title chart-occupations-desc\"");

        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "20"));
        String withGoal = web.get("/programmes/" + programme + "/rapport").body();
        assertThat(duplicateIds(withGoal)).isEmpty();
        assertThat(count(withGoal, "id=\"goals\"")).isEqualTo(1);
        assertThat(withGoal).doesNotContain("id=\"no-goals\"");

        String goals = web.get("/programmes/" + programme + "/mal").body();
        assertThat(duplicateIds(goals)).isEmpty();
        assertThat(goals).contains("id=\"goal-charts\"", "role=\"img\"");
        assertThat(duplicateIds(WebSession.logIn(port, "forbund").get("/uppfoljning/finsam").body())).isEmpty();

        var latest = reports.publishedPeriod(null, null, null);
        var report = reports.reportForDownload(lead, programme,
                new FunderReportService.Period(latest.from(), latest.to()), Locale.forLanguageTag("sv"));
        byte[] bytes = pdf.render(report, Locale.forLanguageTag("sv"));
        try (var doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Sysselsättning vid start och avslut", "Antal avslutade deltagare",
                    "Antal deltagare under perioden");
        }
    }
}
