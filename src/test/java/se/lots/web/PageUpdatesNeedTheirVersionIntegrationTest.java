package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.plan.StepInput;
import se.lots.plan.meeting.Meeting;
import se.lots.plan.meeting.MeetingInput;
import se.lots.plan.meeting.MeetingService;
import se.lots.plan.referral.Referral;
import se.lots.plan.referral.ReferralStatus;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A page update of shared data must name the version its form was loaded with. The forms send it; a hand-made POST
 * without it would overwrite whatever someone saved since, so it saves nothing and says why.
 */
@IntegrationTest
class PageUpdatesNeedTheirVersionIntegrationTest {

    private static final String REFUSED = "Formuläret sa inte vilken version";

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    PlanService plans;
    @Autowired
    MeetingService meetings;
    @Autowired
    ReferralService referrals;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aPlanGoalWithoutAVersionSavesNothingAndSaysWhy() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        plans.create(coach, person);

        var response = logIn("coach").postForm("/persons/" + person + "/plan", "/persons/" + person + "/plan/goal",
                Map.of("goal", "Utan version"));

        assertRefused(response);
        assertThat(plans.page(coach, person).plan().goal()).isNull();
    }

    @Test
    void aStepWithoutAVersionSavesNothingAndSaysWhy() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        plans.create(coach, person);
        String track = String.valueOf(plans.page(coach, person).tracks().get(0).id());
        UUID step = plans.addStep(coach, person, new StepInput(track, "Praktik", "KOMMUNEN", null, null, null, null,
                null, null, null, null, "PLANERAD", null, false, List.of(), null)).id();

        var response = logIn("coach").postForm("/plan/steps/" + step, "/plan/steps/" + step, Map.of("trackId", track,
                "title", "Utan version", "responsibleParty", "KOMMUNEN", "status", "PLANERAD"));

        assertRefused(response);
        assertThat(plans.step(coach, step).title()).isEqualTo("Praktik");
    }

    @Test
    void minutesWithoutAVersionSaveNothingAndSayWhy() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        Meeting meeting = meetings.create(coach, person, new MeetingInput("AVSTAMNINGSMOTE",
                LocalDate.now(clock).toString(), true, false, List.of(), List.of(), null));

        var response = logIn("coach").postForm("/persons/" + person + "/plan",
                "/persons/" + person + "/meetings/" + meeting.id() + "/minutes", Map.of("minutes", "Utan version"));

        assertRefused(response);
        assertThat(meetings.meeting(coach, meeting.id()).minutes()).isNull();
    }

    @Test
    void aReferralMoveWithoutAVersionSavesNothingAndSaysWhy() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        Referral referral = referrals.send(coach, person, new ReferralInput(String.valueOf(coach.organisationId()),
                null, null, "Samtalsstöd", "Oro", "Samtal"));

        var response = logIn("coach").postForm("/plan/referrals", "/plan/referrals/" + referral.id() + "/status",
                Map.of("status", "ATERKALLAD", "reason", "Utan version"));

        assertRefused(response);
        assertThat(referrals.get(coach, referral.id()).status()).isEqualTo(referral.status());
    }

    @Test
    void aDischargeWithoutAVersionSavesNothingAndSaysWhy() {
        Actor coach = actors.byUsername("coach");
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"),
                "Versionsteamet " + System.nanoTime());
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        var enrolment = enrolments.enrol(coach, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now(clock).minusMonths(1).toString(), null, String.valueOf(coach.userId()), "NEET"));

        var response = logIn("coach").postForm("/persons/" + person + "/plan",
                "/persons/" + person + "/enrolments/" + enrolment.id() + "/discharge",
                Map.of("endedOn", LocalDate.now(clock).toString(), "endReason", "ARBETE"));

        assertRefused(response);
        assertThat(jdbc.sql("SELECT ended_on IS NULL FROM enrolment WHERE id = ?").param(enrolment.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void retiringAnInterventionWithoutAVersionSavesNothingAndSaysWhy() {
        long id = jdbc.sql("SELECT id FROM intervention WHERE valid_to IS NULL AND NOT retired ORDER BY id LIMIT 1")
                .query(Long.class).single();

        var response = logIn("forbund").postForm("/insatser/" + id, "/insatser/" + id + "/avsluta", Map.of());

        assertRefused(response);
        assertThat(jdbc.sql("SELECT valid_to IS NULL AND NOT retired FROM intervention WHERE id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aProviderWithoutAVersionSavesNothingAndSaysWhy() {
        var provider = jdbc.sql("SELECT id, name, party_type FROM provider WHERE organisation_id IS NULL ORDER BY id"
                + " LIMIT 1").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
                .single();

        var response = logIn("forbund").postForm("/insatser/utforare/" + provider[0],
                "/insatser/utforare/" + provider[0], Map.of("name", provider[1] + " utan version",
                        "partyType", provider[2]));

        assertRefused(response);
        assertThat(jdbc.sql("SELECT name FROM provider WHERE id = ?").param(Long.parseLong(provider[0]))
                .query(String.class).single()).isEqualTo(provider[1]);
    }

    @Test
    void staleMinutesShowWhatIsSavedNowNextToWhatTheUserTyped() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        Meeting meeting = meetings.create(coach, person, new MeetingInput("AVSTAMNINGSMOTE",
                LocalDate.now(clock).toString(), true, false, List.of(), List.of(), null));
        WebSession browser = logIn("coach");
        assertThat(browser.get("/persons/" + person + "/plan").body()).doesNotContain("meeting-conflict");
        meetings.recordMinutes(coach, meeting.id(), "Kollegans protokoll", null, null, List.of(), meeting.version());

        var response = browser.postForm("/persons/" + person + "/plan", "/persons/" + person + "/meetings/"
                + meeting.id() + "/minutes", Map.of("minutes", "Mitt protokoll", "version", "0"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(conflict(browser.get("/persons/" + person + "/plan").body(), "meeting-conflict"))
                .contains("Kollegans protokoll", "Mitt protokoll");
        assertThat(meetings.meeting(coach, meeting.id()).minutes()).isEqualTo("Kollegans protokoll");
    }

    @Test
    void aStaleReferralMoveShowsWhatIsSavedNowNextToWhatTheUserChose() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        Referral referral = referrals.send(coach, person, new ReferralInput(String.valueOf(coach.organisationId()),
                null, null, "Samtalsstöd", "Oro", "Samtal"));
        WebSession browser = logIn("coach");
        referrals.move(coach, referral.id(), ReferralStatus.MOTTAGEN, null, referral.version());

        var response = browser.postForm("/plan/referrals", "/plan/referrals/" + referral.id() + "/status",
                Map.of("status", "ACCEPTERAD", "reason", "Mitt skäl", "version", "0"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(conflict(browser.get("/plan/referrals").body(), "referral-conflict"))
                .contains("mottagen", "accepterad", "Mitt skäl");
        assertThat(referrals.get(coach, referral.id()).status()).isEqualTo(ReferralStatus.MOTTAGEN);
    }

    @Test
    void aStaleDischargeShowsWhatIsSavedNowNextToWhatTheUserTyped() {
        Actor coach = actors.byUsername("coach");
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"),
                "Versionsteamet " + System.nanoTime());
        UUID person = registry.register(coach, aYoungPerson().build()).id();
        var enrolment = enrolments.enrol(coach, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now(clock).minusMonths(1).toString(), null, String.valueOf(coach.userId()), "NEET"));
        WebSession browser = logIn("coach");
        String theirs = LocalDate.now(clock).minusDays(2).toString();
        String mine = LocalDate.now(clock).minusDays(1).toString();
        enrolments.discharge(coach, enrolment.id(), theirs, "ARBETE", enrolment.version());

        var response = browser.postForm("/persons/" + person + "/plan",
                "/persons/" + person + "/enrolments/" + enrolment.id() + "/discharge",
                Map.of("endedOn", mine, "endReason", "STUDIER", "version", "0"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(conflict(response.body(), "enrolment-conflict")).contains(theirs, mine);
        assertThat(jdbc.sql("SELECT ended_on::text FROM enrolment WHERE id = ?").param(enrolment.id())
                .query(String.class).single()).isEqualTo(theirs);
    }

    /** The conflict table with {@code id}: the values must be in it, not merely elsewhere on the page. */
    private static String conflict(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id + " on the page").isNotNegative();
        return page.substring(start, page.indexOf("</table>", start));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(428);
        assertThat(response.body()).contains(REFUSED);
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }
}
