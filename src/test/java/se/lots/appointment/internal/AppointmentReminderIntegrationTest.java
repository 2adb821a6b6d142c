package se.lots.appointment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;
import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.appointment.AttendanceInput;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccount;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Reminders sent through real protocols: e-mail over SMTP to GreenMail, SMS in 46elks' HTTP format to an in-process
 * HTTP server that answers as 46elks does (application-test.yml points Lots at both).
 */
@IntegrationTest
class AppointmentReminderIntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    /** What the fake operator received: the form fields and the Authorization header of each request. */
    static final List<Map<String, String>> smsReceived = new CopyOnWriteArrayList<>();
    static final AtomicInteger smsStatus = new AtomicInteger(200);
    static HttpServer elks;

    @BeforeAll
    static void startElks() throws IOException {
        elks = HttpServer.create(new InetSocketAddress("127.0.0.1", 18046), 0);
        elks.createContext("/a1/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = Stream.of(body.split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                            p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            form.put("method", exchange.getRequestMethod());
            form.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
            form.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
            smsReceived.add(form);
            int status = smsStatus.get();
            byte[] answer = (status == 200 ? "{\"status\": \"created\", \"id\": \"s70df59406a1b4643b96f3f91e0bfb7b0\"}"
                    : "Not enough credits").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        elks.setExecutor(Executors.newSingleThreadExecutor());
        elks.start();
    }

    @AfterAll
    static void stopElks() {
        elks.stop(0);
    }

    @Autowired
    AppointmentService appointments;
    @Autowired
    ReminderSender sender;
    @Autowired
    OrganisationService organisations;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @BeforeEach
    void nothingDueFromOtherTests() {
        // other test classes book times in the shared database; their reminders are not this test's to send
        jdbc.sql("UPDATE appointment_reminder SET dropped_at = now() WHERE sent_at IS NULL AND dropped_at IS NULL")
                .update();
        smsReceived.clear();
        smsStatus.set(200);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock).plusDays(days);
    }

    void moveTo(LocalDate day, int hour, int minute) {
        clock.moveTo(ZonedDateTime.of(day.atTime(hour, minute), clock.getZone()));
    }

    /**
     * A time the coach books for a colleague who has no e-mail in their account (the demo's coach has one), so that
     * only the young person's reminder can be sent and the staff member's is struck.
     */
    Appointment book(Actor coach, String channel, String address) {
        UserAccount withoutEmail = organisations.createUser(new NewUser("utan.epost." + System.nanoTime(),
                "Vinterns-kalla-morgnar-2031", "Uno Utanepost", Role.CASE_WORKER, coach.organisationId(), null));
        var person = registry.register(coach, aYoungPerson().named("Påmind", "Persdotter").build()).id();
        return appointments.book(coach, person, new AppointmentInput(inDays(3).toString(), "10:30", 45,
                "Storgatan 5, entrén", "Samtal om praktik", "PLAN", withoutEmail.id(), channel, address));
    }

    @Test
    void theDayBeforeTheYoungPersonGetsAnSmsInFortySixElksFormatOnceWithTimeAndPlaceOnly() {
        Actor coach = actors.byUsername("coach");
        Appointment a = book(coach, "SMS", "070-111 22 33");
        assertThat(sender.sendDue()).as("three days ahead: not yet").isZero();

        moveTo(inDays(2), 10, 31);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(smsReceived).hasSize(1);
        Map<String, String> sms = smsReceived.get(0);
        assertThat(sms).containsEntry("method", "POST").containsEntry("to", "+46701112233").containsEntry("from", "Lots")
                .containsEntry("contentType", "application/x-www-form-urlencoded")
                .containsEntry("authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("u-test:p-test".getBytes(StandardCharsets.UTF_8)));
        assertThat(sms.get("message")).contains("kl. 10:30", "Storgatan 5, entrén")
                .doesNotContain("Påmind", "Persdotter", "praktik", coach.organisationName(), coach.displayName());
        assertThat(sender.sendDue()).as("sent once").isZero();
        assertThat(appointments.reminderStates(coach, a.id())).as("the staff member has no e-mail in the account")
                .containsExactly("UNG SMS SKICKAD", "PERSONAL EPOST STRUKEN");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username = ?")
                .params(a.personId(), ReminderSender.SYSTEM).query(Long.class).single()).as("audited as Lots itself")
                .isEqualTo(1);
    }

    @Test
    void anEmailReminderGoesThroughSmtpWithANeutralSubject() throws Exception {
        Actor coach = actors.byUsername("coach");
        Appointment a = book(coach, "EPOST", "ung@example.se");
        moveTo(inDays(2), 11, 0);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ung@example.se");
        assertThat(received.getFrom()[0].toString()).isEqualTo("lots@kommun.example");
        assertThat(received.getSubject()).isEqualTo("Påminnelse om din bokade tid");
        assertThat((String) received.getContent()).contains("Storgatan 5, entrén").doesNotContain("Persdotter");
        assertThat(appointments.reminderStates(coach, a.id())).containsExactly("UNG EPOST SKICKAD",
                "PERSONAL EPOST STRUKEN");
    }

    @Test
    void theDayBeforeTheStaffMemberGetsAnEmailAtTheAccountsAddressWithTimePlaceAndLinkButNoName() throws Exception {
        Actor coach = actors.byUsername("coach");
        UserAccount colleague = organisations.createUser(new NewUser("kollega." + System.nanoTime(),
                "Vinterns-kalla-morgnar-2031", "Kim Kollega", Role.CASE_WORKER, coach.organisationId(), null,
                "kim.kollega@kommun.example", "0418-123 45"));
        var person = registry.register(coach, aYoungPerson().named("Påmind", "Persdotter").build()).id();
        Appointment a = appointments.book(coach, person, new AppointmentInput(inDays(3).toString(), "10:30", 45,
                "Storgatan 5, entrén", "Samtal om praktik", "PLAN", colleague.id(), "INGEN", null));
        assertThat(sender.sendDue()).as("three days ahead: not yet").isZero();

        moveTo(inDays(2), 10, 31);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = mail.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("kim.kollega@kommun.example");
        assertThat(received.getFrom()[0].toString()).isEqualTo("lots@kommun.example");
        assertThat(received.getSubject()).isEqualTo("Påminnelse: möte i Lots");
        String text = (String) received.getContent();
        assertThat(text).contains("möte i Lots", "kl. 10:30", "Storgatan 5, entrén",
                "http://localhost:8080/persons/" + person + "/plan#bokade-tider");
        assertThat(text + received.getSubject()).doesNotContain("Påmind", "Persdotter", "praktik",
                coach.displayName(), "Kim Kollega");
        assertThat(sender.sendDue()).as("sent once").isZero();
        assertThat(appointments.reminderStates(coach, a.id())).containsExactly("PERSONAL EPOST SKICKAD");
        assertThat(smsReceived).as("the young person chose no reminder").isEmpty();
    }

    @Test
    void aRefusedSmsIsTriedAgainLaterAndDroppedWhenItWouldComeTooLate() {
        Actor coach = actors.byUsername("coach");
        Appointment a = book(coach, "SMS", "070-111 22 33");
        smsStatus.set(402);
        moveTo(inDays(3), 9, 10);
        assertThat(sender.sendDue()).isZero();
        assertThat(smsReceived).hasSize(1);
        assertThat(appointments.reminderStates(coach, a.id())).containsExactly("UNG SMS VÄNTAR",
                "PERSONAL EPOST STRUKEN");
        assertThat(jdbc.sql("""
                SELECT last_error FROM appointment_reminder WHERE appointment_id = ? AND recipient = 'UNG'""")
                .param(a.id())
                .query(String.class).single()).contains("402", "Not enough credits");

        clock.moveBy(Duration.ofMinutes(4));
        assertThat(sender.sendDue()).as("not before its new time, 5 minutes later").isZero();
        assertThat(smsReceived).hasSize(1);
        clock.moveBy(Duration.ofMinutes(2));
        assertThat(sender.sendDue()).as("tried again, refused again").isZero();
        assertThat(smsReceived).hasSize(2);
        assertThat(appointments.reminderStates(coach, a.id())).containsExactly("UNG SMS VÄNTAR",
                "PERSONAL EPOST STRUKEN");
        clock.moveBy(Duration.ofMinutes(11));
        assertThat(sender.sendDue()).as("refused a third time at 09:27: a fourth try would be after 09:30").isZero();
        assertThat(smsReceived).hasSize(3);
        assertThat(appointments.reminderStates(coach, a.id())).containsExactly("UNG SMS STRUKEN",
                "PERSONAL EPOST STRUKEN");
    }

    @Test
    void aCancelledTimeGetsNoReminder() {
        Actor coach = actors.byUsername("coach");
        Appointment a = book(coach, "SMS", "070-111 22 33");
        appointments.recordAttendance(coach, a.id(), new AttendanceInput("INSTALLD", "Den unge ringde", a.version()));
        moveTo(inDays(2), 11, 0);
        assertThat(sender.sendDue()).isZero();
        assertThat(smsReceived).isEmpty();
    }

    @Test
    void twoNodesSendingAtOnceSendEachReminderOnce() throws Exception {
        Actor coach = actors.byUsername("coach");
        for (int i = 0; i < 30; i++) {
            book(coach, "SMS", "070-111 22 " + (10 + i));
        }
        moveTo(inDays(2), 12, 0);
        var pool = Executors.newFixedThreadPool(2);
        var one = pool.submit(sender::sendDue);
        var two = pool.submit(sender::sendDue);
        assertThat(one.get() + two.get()).isEqualTo(30);
        pool.shutdown();
        assertThat(smsReceived).hasSize(30);
        assertThat(smsReceived.stream().map(m -> m.get("to")).distinct()).hasSize(30);
    }
}
