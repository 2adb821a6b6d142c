package se.lots.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.WebSession;
import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * "Bokade tider" as a case worker uses it on the plan page: booking (and a place that reveals a service refused),
 * recording that the young person did not come, the calendar file without a name, the start page's "Mina möten denna
 * vecka", a protected identity, and another organisation's user refused. Over HTTP, with the clock on a Monday.
 */
@IntegrationTest
class AppointmentPagesIntegrationTest {

    /** Monday 9 June 2031, 08:00 Swedish time: the week is Monday 9 to Sunday 15 June. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2031, 6, 9, 8, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    AppointmentService appointments;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void onAMonday() {
        clock.moveTo(MONDAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID person(Actor coach, String first, String last) {
        return registry.register(coach, aYoungPerson().named(first, last).build()).id();
    }

    static Map<String, String> booking(String date, String time, String place, String channel, String address) {
        var form = new HashMap<String, String>();
        form.put("appointmentDate", date);
        form.put("appointmentTime", time);
        form.put("appointmentMinutes", "45");
        form.put("appointmentPlace", place);
        form.put("appointmentPurpose", "Prata om praktikplatsen");
        form.put("reminderChannel", channel);
        form.put("reminderAddress", address);
        return form;
    }

    HttpResponse<String> book(WebSession coach, UUID person, Map<String, String> form) {
        return coach.postForm("/persons/" + person + "/plan", "/tider/boka/" + person + "?context=PLAN", form);
    }

    List<Appointment> booked(Actor coach, UUID person) {
        return appointments.forPerson(coach, person);
    }

    @Test
    void aCaseWorkerBooksFromThePlanPageAndSeesTheTimeThereAndOnTheStartPage() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach, "Bokad", "Sidasdotter");
        WebSession web = WebSession.logIn(port, "coach");
        String plan = web.get("/persons/" + person + "/plan").body();
        assertThat(plan).contains("id=\"bokade-tider\"", "Bokade tider", "id=\"book-appointment\"",
                "id=\"appointmentPlace-hint\"", "id=\"appointments-none\"");

        var saved = book(web, person, booking("2031-06-11", "10:30", "Biblioteket, Storgatan 5", "SMS", ""));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse(""))
                .endsWith("/persons/" + person + "/plan#bokade-tider");
        Appointment a = booked(coach, person).get(0);
        assertThat(a.startsAt()).isEqualTo(LocalDate.of(2031, 6, 11).atTime(10, 30));
        assertThat(a.reminderAddress()).as("the register's number").isEqualTo("070-111 22 33");
        assertThat(a.context().name()).isEqualTo("PLAN");

        String after = web.get("/persons/" + person + "/plan").body();
        assertThat(after).contains("id=\"appointment-notice\"", "Tiden är bokad", "id=\"appointment-" + a.id() + "\"",
                "Biblioteket, Storgatan 5", "10:30–11:15", "/tider/" + a.id() + "/bokad-tid.ics",
                "id=\"attendance-INSTALLD-" + a.id() + "\"");
        assertThat(after).as("not yet begun: came or not cannot be recorded")
                .doesNotContain("id=\"attendance-UTEBLEV-" + a.id() + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'CREATE' AND detail = ?")
                .params(person, "bokad tid " + a.id()).query(Long.class).single()).isEqualTo(1);

        String start = web.get("/").body();
        assertThat(start).contains("id=\"my-appointments\"", "Mina möten denna vecka", "Bokad Sidasdotter",
                "Biblioteket, Storgatan 5", "/persons/" + person + "/plan#bokade-tider");
    }

    @Test
    void theKaaCoordinatorBooksAKaaContactFromTheKaaPersonPage() {
        Actor coordinator = actors.byUsername("kaa");
        UUID person = person(coordinator, "Kaa", "Kontaktsdotter");
        WebSession web = WebSession.logIn(port, "kaa");
        assertThat(web.get("/kaa/persons/" + person).body()).contains("id=\"bokade-tider\"",
                "/tider/boka/" + person + "?context=KAA");
        var saved = web.postForm("/kaa/persons/" + person, "/tider/boka/" + person + "?context=KAA",
                booking("2031-06-13", "15:00", "Storgatan 5, entrén", "EPOST", "ung.kontakt@example.se"));
        assertThat(saved.headers().firstValue("Location").orElse(""))
                .endsWith("/kaa/persons/" + person + "#bokade-tider");
        Appointment a = booked(coordinator, person).get(0);
        assertThat(a.context().name()).isEqualTo("KAA");
        assertThat(a.reminderAddress()).isEqualTo("ung.kontakt@example.se");
        assertThat(web.get("/kaa/persons/" + person).body()).contains("id=\"appointment-" + a.id() + "\"",
                "Storgatan 5, entrén", "ung.kontakt@example.se");
    }

    @Test
    void aPlaceThatRevealsAServiceComesBackWithTheFormAsTypedAndNothingIsBooked() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach, "Neutral", "Platsdotter");
        WebSession web = WebSession.logIn(port, "coach");
        var refused = book(web, person, booking("2031-06-12", "9.30", "Beroendemottagningen, plan 2", "SMS",
                "070-999 88 77"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#appointmentPlace\"",
                "href=\"#appointmentTime\"", "får inte avslöja", "value=\"Beroendemottagningen, plan 2\"",
                "value=\"070-999 88 77\"");
        assertThat(booked(coach, person)).isEmpty();
    }

    @Test
    void didNotComeIsRecordedInOneClickOnceTheTimeHasBegunAndAStalePageIsTold() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach, "Uteblev", "Klicksdotter");
        WebSession web = WebSession.logIn(port, "coach");
        book(web, person, booking("2031-06-09", "13:00", "Storgatan 5, entrén", "INGEN", ""));
        Appointment a = booked(coach, person).get(0);

        clock.moveTo(MONDAY.withHour(13).withMinute(20));
        String page = web.get("/persons/" + person + "/plan").body();
        assertThat(page).contains("id=\"attendance-UTEBLEV-" + a.id() + "\"", "id=\"attendance-KOM-" + a.id() + "\"");
        assertThat(web.get("/").body()).as("the start page asks for it").contains("Närvaro att registrera (1)",
                "Uteblev Klicksdotter");

        var recorded = web.postForm("/persons/" + person + "/plan", "/tider/" + a.id() + "/narvaro",
                Map.of("attendance", "UTEBLEV", "version", String.valueOf(a.version())));
        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(recorded.headers().firstValue("Location").orElse("")).endsWith("/plan#bokade-tider");
        assertThat(appointments.appointment(coach, a.id()).attendance().name()).isEqualTo("UTEBLEV");
        String after = web.get("/persons/" + person + "/plan").body();
        assertThat(after).contains("Registrerat: den unge kom inte.", "govuk-tag--red")
                .doesNotContain("id=\"attendance-KOM-" + a.id() + "\"");

        var stale = web.postForm("/persons/" + person + "/plan", "/tider/" + a.id() + "/narvaro",
                Map.of("attendance", "KOM", "version", String.valueOf(a.version())));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(web.get("/persons/" + person + "/plan").body()).contains("id=\"appointment-error\"",
                "Någon annan har registrerat närvaro");
        assertThat(appointments.appointment(coach, a.id()).attendance().name()).isEqualTo("UTEBLEV");
        assertThat(web.get("/").body()).doesNotContain("Närvaro att registrera");
    }

    @Test
    void theCalendarFileDownloadedFromThePageHasTheTimeAndPlaceButNoName() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach, "Kalle", "Kalendersson");
        WebSession web = WebSession.logIn(port, "coach");
        book(web, person, booking("2031-06-10", "14:00", "Biblioteket", "INGEN", ""));
        Appointment a = booked(coach, person).get(0);
        var ics = web.send(web.request("/tider/" + a.id() + "/bokad-tid.ics").GET(), BodyHandlers.ofByteArray());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".ics");
        String file = new String(ics.body(), StandardCharsets.UTF_8).replace("\r\n ", "");
        assertThat(file).contains("SUMMARY:Bokad tid", "LOCATION:Biblioteket", "DTSTART:20310610T120000Z")
                .doesNotContain("Kalle", "Kalendersson", "praktik", coach.displayName(), coach.organisationName());
    }

    @Test
    void aProtectedIdentityIsRemindedOnlyAtWhatTheyChoseAndNoAddressIsOffered() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Skyddad", "Tidsdotter").protectedIdentity()
                .build()).id();
        WebSession web = WebSession.logIn(port, "coach");
        String page = web.get("/persons/" + person + "/plan").body();
        assertThat(page).contains("id=\"appointment-protected\"", "aldrig med brev")
                .doesNotContain("070-111 22 33");
        var refused = book(web, person, booking("2031-06-12", "09:30", "Biblioteket", "SMS", ""));
        assertThat(refused.body()).contains("href=\"#reminderAddress\"", "skyddad identitet");
        assertThat(booked(coach, person)).isEmpty();
        assertThat(book(web, person, booking("2031-06-12", "09:30", "Biblioteket", "SMS", "070-555 44 33"))
                .statusCode()).isEqualTo(302);
        assertThat(booked(coach, person).get(0).reminderAddress()).isEqualTo("070-555 44 33");
        assertThat(web.get("/persons/" + person + "/plan").body()).as("the number is not shown either")
                .contains("(som den unge valt)").doesNotContain("070-555 44 33");
    }

    @Test
    void anotherOrganisationsUserCanNeitherBookNorRecordNorDownload() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach, "Annan", "Orgsdotter");
        WebSession web = WebSession.logIn(port, "coach");
        book(web, person, booking("2031-06-10", "11:00", "Biblioteket", "INGEN", ""));
        Appointment a = booked(coach, person).get(0);

        WebSession af = WebSession.logIn(port, "af");
        assertThat(af.postForm("/", "/tider/boka/" + person + "?context=PLAN",
                booking("2031-06-10", "12:00", "Biblioteket", "INGEN", "")).statusCode()).isEqualTo(403);
        assertThat(af.get("/tider/boka/" + person + "?context=PLAN").statusCode()).isEqualTo(403);
        assertThat(af.get("/tider/" + a.id() + "/bokad-tid.ics").statusCode()).isEqualTo(404);
        assertThat(af.postForm("/", "/tider/" + a.id() + "/narvaro",
                Map.of("attendance", "INSTALLD", "version", "0")).statusCode()).isEqualTo(404);
        assertThat(af.get("/").body()).doesNotContain("Orgsdotter");
        assertThat(booked(coach, person)).hasSize(1).allMatch(x -> x.attendance() == null);
    }
}
