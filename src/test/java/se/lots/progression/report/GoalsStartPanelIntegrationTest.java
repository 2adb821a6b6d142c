package se.lots.progression.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.progression.GoalResult;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.chart.Chart;
import se.lots.web.start.StartPanel;

/** The programme lead's goals on the start page: their organisation's programmes, the goals page's numbers. */
@IntegrationTest
class GoalsStartPanelIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    GoalsStartPanel panel;
    @Autowired
    FunderReportService reports;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @SuppressWarnings("unchecked")
    static List<GoalsStartPanel.ProgrammeCharts> programmes(StartPanel.Content content) {
        return (List<GoalsStartPanel.ProgrammeCharts>) content.panel().get("programmes");
    }

    @BeforeEach
    void swedish() {
        // the start page asks the panels within a request, whose locale is the user's: Swedish here
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theProgrammeLeadSeesEachGoalAsTargetBesideTheGoalsPagesMeasure() {
        Actor lead = actors.byUsername("insatsledare");
        // named to come first among the organisation's programmes (the panel charts the first few by name)
        long programme = enrolments.saveProgramme(lead, "0 Startsidan " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "20"));
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));

        var content = panel.content(lead).orElseThrow();
        assertThat(content.template()).isEqualTo("progression/start");
        var shown = programmes(content).stream().filter(p -> p.id() == programme).findFirst().orElseThrow();
        List<GoalResult> measured = reports.measure(lead, programme, reports.period(null, null));
        assertThat(shown.charts()).hasSize(measured.size()).hasSize(2);
        Chart participants = shown.charts().get(0);
        assertThat(participants.compact()).isTrue();
        assertThat(participants.rows()).extracting(r -> r.texts().get(0))
                .containsExactly("20", measured.get(0).value().toPlainString());
        Chart withPlan = shown.charts().get(1);
        assertThat(withPlan.max()).as("a share is drawn on 0–100 %").isEqualTo(100);
        assertThat(withPlan.rows().get(0).texts()).containsExactly("80\u00a0%");

        var page = WebSession.logIn(port, "insatsledare").get("/").body();
        assertThat(page).contains("id=\"start-goals\"", "id=\"start-goals-" + programme + "\"",
                "href=\"/programmes/" + programme + "/mal\"", "Antal deltagare under perioden", "Visa som tabell");
    }

    @Test
    void otherRolesAndAnotherOrganisationsLeadSeeNoneOfThem() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "0 Startsidan annan " + UUID.randomUUID());
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "5"));

        for (String username : List.of("kaa", "coach", "forbund", "analytiker", "demoadmin")) {
            assertThat(panel.content(actors.byUsername(username))).as(username).isEmpty();
        }
        var org = organisations.create(new NewOrganisation("Annan insatsgivare " + UUID.randomUUID(),
                PartyType.OTHER, null, null, List.of("Enhet")));
        String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Annan Ledare", Role.PROGRAMME_LEAD,
                org.id(), null));
        var other = panel.content(actors.byUsername(username)).orElseThrow();
        assertThat(programmes(other)).isEmpty();
        assertThat((List<?>) other.panel().get("others")).isEmpty();
        var page = WebSession.logIn(port, username, "ett-langt-losenord").get("/").body();
        assertThat(page).contains("id=\"start-goals-none\"").doesNotContain("/programmes/" + programme + "/mal");
        assertThat(WebSession.logIn(port, "coach").get("/").body()).doesNotContain("id=\"start-goals\"");
    }
}
