package se.lots.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

/** Booking a time with a young person as a case worker does it, and what others may not do with it. */
@IntegrationTest
class AppointmentIntegrationTest {

    @Autowired
    AppointmentService appointments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID person(Actor coach) {
        return registry.register(coach, aYoungPerson().named("Tid", "Bokadsdotter").build()).id();
    }

    static AppointmentInput at(LocalDate date, String time, String place, String channel, String address) {
        return new AppointmentInput(date.toString(), time, 45, place, "Planera praktik", "PLAN", null, channel,
                address);
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    @Test
    void aTimeIsBookedWithTheRegistersNumberForTheReminderAndListedForTheOrganisationAndTheStaffMember() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        Appointment a = appointments.book(coach, person, at(inDays(3), "10:30", "Storgatan 5, entrén", "SMS", null));
        assertThat(a.reminderAddress()).as("from the register").isEqualTo("070-111 22 33");
        assertThat(a.startsAt()).isEqualTo(inDays(3).atTime(10, 30));
        assertThat(a.endsAt()).isEqualTo(inDays(3).atTime(11, 15));
        assertThat(a.withUserId()).isEqualTo(coach.userId());
        assertThat(appointments.forPerson(coach, person)).extracting(Appointment::id).containsExactly(a.id());
        assertThat(appointments.mine(coach, inDays(3), 1)).extracting(Appointment::id).contains(a.id());
        assertThat(appointments.mine(coach, inDays(4), 7)).extracting(Appointment::id).doesNotContain(a.id());
        assertThat(appointments.reminderStates(coach, a.id())).as("the young person's and the staff member's")
                .containsExactly("UNG SMS VÄNTAR", "PERSONAL EPOST VÄNTAR");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'CREATE' AND detail = ?")
                .params(person, "bokad tid " + a.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongTimeAPlaceThatRevealsAServiceAndAMissingNumberAreNamedByField() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        assertThatThrownBy(() -> appointments.book(coach, person,
                new AppointmentInput(inDays(-1).toString(), "9.30", 2, "Socialtjänsten, Storgatan 5", null, "PLAN",
                        null, "BREV", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.messageKey())
                        .containsExactlyInAnyOrder("time appointment.time", "minutes appointment.minutesRange",
                                "place appointment.placeReveals", "reminderChannel validation.invalidValue"));
        assertThatThrownBy(() -> appointments.book(coach, person, at(inDays(-1), "09:30", "Biblioteket", "INGEN",
                null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.messageKey()).containsExactly("date appointment.inThePast"));
        String organisation = jdbc.sql("SELECT name FROM organisation_directory WHERE id = ?")
                .param(coach.organisationId().value()).query(String.class).single();
        assertThatThrownBy(() -> appointments.book(coach, person, at(inDays(2), "09:30", organisation + ", plan 2",
                "INGEN", null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.messageKey()).containsExactly("place appointment.placeReveals"));
        assertThatThrownBy(() -> appointments.book(coach, person, at(inDays(2), "09:30", "Biblioteket", "SMS",
                "ring mig"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.messageKey()).containsExactly("reminderAddress validation.phone"));
        assertThat(appointments.forPerson(coach, person)).as("nothing saved").isEmpty();
    }

    @Test
    void aProtectedIdentityIsRemindedOnlyAtWhatTheyGaveForIt() {
        Actor coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Skyddad", "Person").protectedIdentity().build())
                .id();
        assertThatThrownBy(() -> appointments.book(coach, person, at(inDays(2), "13:00", "Biblioteket", "EPOST",
                null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.messageKey())
                        .containsExactly("reminderAddress appointment.addressProtected"));
        Appointment a = appointments.book(coach, person, at(inDays(2), "13:00", "Biblioteket", "EPOST",
                "vald@example.se"));
        assertThat(a.reminderAddress()).isEqualTo("vald@example.se");
    }

    @Test
    void anotherOrganisationNeitherBooksForAPersonItMayNotReadNorSeesTheTimes() {
        Actor coach = actors.byUsername("coach");
        Actor af = actors.byUsername("af");
        UUID person = person(coach);
        Appointment a = appointments.book(coach, person, at(inDays(2), "09:00", "Biblioteket", "INGEN", null));
        assertThatThrownBy(() -> appointments.book(af, person, at(inDays(2), "10:00", "Biblioteket", "INGEN", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> appointments.appointment(af, a.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appointments.calendarFile(af, a.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> appointments.recordAttendance(af, a.id(), new AttendanceInput("INSTALLD", null,
                a.version()))).isInstanceOf(NotFoundException.class);
        assertThat(appointments.mine(af, inDays(2), 1)).extracting(Appointment::id).doesNotContain(a.id());
        Actor analyst = actors.byUsername("analytiker");
        assertThatThrownBy(() -> appointments.appointment(analyst, a.id())).as("a role without personal data")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void attendanceIsRecordedOnceTheTimeHasBegunAndASecondUserWithAnOldVersionIsToldWhatIsSaved() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        Appointment a = appointments.book(coach, person, at(inDays(1), "09:00", "Biblioteket", "SMS", null));
        assertThatThrownBy(() -> appointments.recordAttendance(coach, a.id(), new AttendanceInput("KOM", null,
                a.version()))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.messageKey()).containsExactly("appointment.attendanceBeforeStart"));

        clock.moveTo(ZonedDateTime.of(inDays(1).atTime(9, 10), clock.getZone()));
        Appointment came = appointments.recordAttendance(coach, a.id(), new AttendanceInput("UTEBLEV", "Svarade inte",
                a.version()));
        assertThat(came.attendance()).isEqualTo(Attendance.UTEBLEV);
        assertThat(appointments.reminderStates(coach, a.id())).as("nothing more is sent for it")
                .containsExactly("UNG SMS STRUKEN", "PERSONAL EPOST STRUKEN");
        assertThatThrownBy(() -> appointments.recordAttendance(coach, a.id(), new AttendanceInput("KOM", null,
                a.version()))).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(((Appointment) e.current()).attendance()).isEqualTo(Attendance.UTEBLEV));
    }

    @Test
    void theCalendarFileHasTheTimeAndPlaceInUtcAndNoName() {
        Actor coach = actors.byUsername("coach");
        UUID person = person(coach);
        Appointment a = appointments.book(coach, person, new AppointmentInput("2031-06-10", "10:00", 30,
                "Biblioteket, Storgatan 5", "Om Tid Bokadsdotters praktik", "PLAN", null, "INGEN", null));
        String ics = new String(appointments.calendarFile(coach, a.id()), StandardCharsets.UTF_8);
        assertThat(ics).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Bokad tid",
                "LOCATION:Biblioteket\\, Storgatan 5", "DTSTART:20310610T080000Z", "DTEND:20310610T083000Z",
                "UID:appointment-" + a.id() + "@lots");
        assertThat(ics).doesNotContain("Bokadsdotter", "praktik");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND action = 'EXPORT'")
                .param(person).query(Long.class).single()).isEqualTo(1);
    }
}
