package se.lots.plan.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.consent.Consent;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.plan.JourneyKind;
import se.lots.plan.PlanService;
import se.lots.plan.StepInput;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;

@IntegrationTest
class MeetingIntegrationTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    PlanService plans;
    @Autowired
    ConsentService consents;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aSipWithAnOrganisationLackingConsentIsRefusedNamingItAndAcceptedOnceConsentIsRecorded() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        Actor region = actors.byUsername("vardcentral");
        YoungPerson person = registry.register(coach, aYoungPerson().build());
        Consent toAf = consents.record(coach, person.id(), coach.organisationId(), planConsent(af));
        var input = sip(af, region);

        assertThatThrownBy(() -> meetings.create(coach, person.id(), input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("organisations");
                    FieldError error = e.errors().get(0);
                    assertThat(error.messageKey()).isEqualTo("meeting.consentMissing");
                    assertThat(error.arguments()).containsExactly(region.organisationName());
                });
        assertThat(count("SELECT count(*) FROM meeting WHERE person_id = ?", person.id())).isZero();
        var coverage = meetings.consentCoverage(coach, person.id(),
                List.of(coach.organisationId(), af.organisationId(), region.organisationId()));
        assertThat(coverage.missing()).extracting(Meeting.Party::organisationId)
                .containsExactly(region.organisationId());

        Consent toRegion = consents.record(coach, person.id(), coach.organisationId(), planConsent(region));
        Meeting meeting = meetings.create(coach, person.id(), input);

        assertThat(meeting.kind()).isEqualTo(MeetingKind.SIP);
        assertThat(meeting.organisationId()).isEqualTo(coach.organisationId());
        assertThat(meeting.organisations()).extracting(Meeting.Party::organisationId, Meeting.Party::consentId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(coach.organisationId(), null),
                        org.assertj.core.groups.Tuple.tuple(af.organisationId(), toAf.id()),
                        org.assertj.core.groups.Tuple.tuple(region.organisationId(), toRegion.id()));
        assertThat(meeting.participants()).extracting(Meeting.Participant::name).containsExactly("Lärare Lena");
        assertThat(count("SELECT count(*) FROM journey_event WHERE ref_id = ? AND kind = 'MOTE' AND code = 'SIP'",
                meeting.id())).isEqualTo(1);
    }

    @Test
    void decisionsInTheMinutesBecomeStepsOfTheMeetingAndABadDecisionSavesNothing() {
        Actor coach = actors.byUsername("coach");
        YoungPerson person = registry.register(coach, aYoungPerson().build());
        Meeting meeting = meetings.create(coach, person.id(), new MeetingInput("AVSTAMNINGSMOTE",
                LocalDate.now().toString(), true, false, List.of(), List.of(), null));
        String track = String.valueOf(plans.page(coach, person.id()).tracks().get(0).id());
        var good = decision(track, "Praktik hos kommunen");
        var bad = decision(track, " ");

        assertThatThrownBy(() -> meetings.recordMinutes(coach, meeting.id(), "Protokoll", null, null,
                List.of(good, good, bad), meeting.version()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("decisions[2].title"));
        assertThat(count("SELECT count(*) FROM plan_step WHERE meeting_id = ?", meeting.id())).isZero();
        assertThat(meetings.forPerson(coach, person.id()).get(0).minutes()).isNull();

        Meeting saved = meetings.recordMinutes(coach, meeting.id(), "Protokoll\nmer", LocalDate.now().plusMonths(1)
                .toString(), String.valueOf(coach.userId()), List.of(good, decision(track, "Sök vårdcentral")),
                meeting.version());

        assertThat(saved.minutes()).isEqualTo("Protokoll\nmer");
        assertThat(saved.version()).isEqualTo(meeting.version() + 1);
        assertThat(jdbc.sql("SELECT title FROM plan_step WHERE meeting_id = ? ORDER BY title").param(meeting.id())
                .query(String.class).list()).containsExactly("Praktik hos kommunen", "Sök vårdcentral");
        assertThat(plans.page(coach, person.id()).plan().coordinatorUserId()).isEqualTo(coach.userId());
        assertThat(plans.page(coach, person.id()).timeline())
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(JourneyKind.MOTE);
                    assertThat(e.code()).isEqualTo("PROTOKOLL");
                    assertThat(e.summary()).isEqualTo("Protokoll");
                    assertThat(e.refId()).isEqualTo(meeting.id());
                });
    }

    @Test
    void anOrganisationWithConsentSeesTheMeetingAndOneWithoutCannot() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        Actor fk = actors.byUsername("fk");
        YoungPerson person = registry.register(coach, aYoungPerson().build());
        consents.record(coach, person.id(), coach.organisationId(), planConsent(af));
        Meeting meeting = meetings.create(coach, person.id(), new MeetingInput("FLERPARTSMOTE",
                LocalDate.now().toString(), true, false, List.of(String.valueOf(af.organisationId())), List.of(),
                null));

        assertThat(meetings.forPerson(af, person.id())).extracting(Meeting::id).containsExactly(meeting.id());
        assertThatThrownBy(() -> meetings.forPerson(fk, person.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetings.meeting(fk, meeting.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetings.recordMinutes(af, meeting.id(), "x", null, null, List.of(), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void minutesSavedFromAStaleVersionAreRefused() {
        Actor coach = actors.byUsername("coach");
        YoungPerson person = registry.register(coach, aYoungPerson().build());
        Meeting meeting = meetings.create(coach, person.id(), new MeetingInput("TREPARTSSAMTAL",
                LocalDate.now().toString(), true, true, List.of(), List.of(), null));
        meetings.recordMinutes(coach, meeting.id(), "Först", null, null, List.of(), meeting.version());

        assertThatThrownBy(() -> meetings.recordMinutes(coach, meeting.id(), "Sen", null, null, List.of(),
                meeting.version()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("meeting.stale"));
        assertThat(meetings.meeting(coach, meeting.id()).minutes()).isEqualTo("Först");
    }

    @Test
    void theMeetingsCalendarFileHasItsDayAndTheNextButNoNameKindOrOrganisation() {
        Actor coach = actors.byUsername("coach");
        YoungPerson person = registry.register(coach, aYoungPerson().named("Mötes", "Kalendersdotter").build());
        Meeting meeting = meetings.create(coach, person.id(), new MeetingInput("SIP", "2031-06-12", true, false,
                List.of(), List.of(new Meeting.Participant("Lärare Lena", null, null, "Mentor")), null));
        meetings.recordMinutes(coach, meeting.id(), "Vi pratade om praktik", "2031-09-04", null, List.of(),
                meeting.version());
        var web = se.lots.WebSession.logIn(port, "coach");
        assertThat(web.get("/persons/" + person.id() + "/plan").body())
                .contains("/persons/" + person.id() + "/meetings/" + meeting.id() + "/mote.ics");
        var response = web.get("/persons/" + person.id() + "/meetings/" + meeting.id() + "/mote.ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        String ics = response.body().replace("\r\n ", "");
        assertThat(ics).contains("SUMMARY:Möte i Lots", "DTSTART;VALUE=DATE:20310612", "SUMMARY:Nästa möte i Lots",
                "DTSTART;VALUE=DATE:20310904").doesNotContain("Mötes", "Kalendersdotter", "SIP", "Lena", "praktik",
                coach.organisationName());
        assertThat(se.lots.WebSession.logIn(port, "af").get("/persons/" + person.id() + "/meetings/" + meeting.id()
                + "/mote.ics").statusCode()).as("another organisation without consent").isEqualTo(403);
    }

    private static MeetingInput sip(Actor... others) {
        return new MeetingInput("SIP", LocalDate.now().toString(), true, false,
                java.util.Arrays.stream(others).map(a -> String.valueOf(a.organisationId())).toList(),
                List.of(new Meeting.Participant("Lärare Lena", null, null, "Mentor")), "Första SIP");
    }

    private static StepInput decision(String track, String title) {
        return new StepInput(track, title, "KOMMUNEN", null, null, null, null, null, null, null, null, "PLANERAD",
                null, false, List.of(), null);
    }

    private static NewConsent planConsent(Actor to) {
        return new NewConsent(null, to.organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT, null,
                LocalDate.now().plusMonths(6));
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
