package se.lots.plan.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Ending an enrolment records an outcome that counts in the follow-up: no outcome is chosen for the user, and the
 * page asks once before saving (issue 22: "Skriv ut" with "Arbete" pre-filled recorded a wrong outcome in one click).
 */
@IntegrationTest
class DischargeConfirmIntegrationTest {

    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    String endedOn(Enrolment e) {
        return jdbc.sql("SELECT coalesce(ended_on::text, '') FROM enrolment WHERE id = ?").param(e.id())
                .query(String.class).single();
    }

    @Test
    void thePlanPageOffersNoOutcomeAndAsksBeforeTheEndIsSaved() {
        Actor coach = actors.byUsername("coach");
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Avslutet " + System.nanoTime());
        UUID person = registry.register(coach, aYoungPerson().named("Vera", "Valsdotter").build()).id();
        Enrolment e = enrolments.enrol(coach, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now(clock).minusMonths(2).toString(), null, null, "NEET"));
        var browser = WebSession.logIn(port, "coach");
        String plan = "/persons/" + person + "/plan";
        String discharge = "/persons/" + person + "/enrolments/" + e.id() + "/discharge";
        String today = LocalDate.now(clock).toString();

        String page = browser.get(plan).body();
        assertThat(page).contains("Avsluta inskrivning", "<option value=\"\" selected>Välj utfall</option>")
                .doesNotContain(">Skriv ut<");

        var noOutcome = browser.postForm(plan, discharge, Map.of("endedOn", today, "endReason", "",
                "version", String.valueOf(e.version())));
        assertThat(noOutcome.statusCode()).isEqualTo(200);
        assertThat(noOutcome.body()).contains("Utfall", "måste fyllas i").doesNotContain("Avsluta inskrivningen?");
        // the error summary links to the refused row's outcome, which says what is wrong beside it
        assertThat(noOutcome.body()).contains("href=\"#endReason\"", "id=\"endReason\"", "id=\"endReason-error\"");

        var asked = browser.postForm(plan, discharge, Map.of("endedOn", today, "endReason", "STUDIER",
                "version", String.valueOf(e.version())));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Avsluta inskrivningen?", "Studier", today, "Ja, avsluta inskrivningen");
        assertThat(endedOn(e)).as("nothing saved before the answer").isEmpty();

        var confirmed = browser.postForm(plan, discharge, Map.of("endedOn", today, "endReason", "STUDIER",
                "version", String.valueOf(e.version()), "confirmed", "true"));
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(endedOn(e)).isEqualTo(today);
        assertThat(jdbc.sql("SELECT end_reason FROM enrolment WHERE id = ?").param(e.id()).query(String.class)
                .single()).isEqualTo("STUDIER");
    }
}
