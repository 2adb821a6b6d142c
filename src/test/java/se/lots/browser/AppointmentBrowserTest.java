package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentService;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * The demo case worker books a time from a young person's plan page, downloads it as a calendar file (no name in
 * it), finds it on the start page under "Mina möten denna vecka", and once the time has passed records "kom inte"
 * in one click; in headless Chromium with axe on each page.
 */
@IntegrationTest
class AppointmentBrowserTest {

    /** Monday 16 June 2031, 08:00 Swedish time. */
    static final ZonedDateTime MONDAY = ZonedDateTime.of(2031, 6, 16, 8, 0, 0, 0, ZoneId.of("Europe/Stockholm"));

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    AppointmentService appointments;
    @Autowired
    CurrentActor actors;
    @Autowired
    MovableClock clock;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void set(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCaseWorkerBooksFromThePlanSeesItOnTheStartPageDownloadsTheCalendarFileAndRecordsDidNotCome() {
        clock.moveTo(MONDAY);
        var coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Tuva", "Tidsberg").build()).id();
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person + "/plan");
        assertThat(browser.text("#bokade-tider")).contains("Bokade tider", "Ingen kommande bokad tid.");

        browser.find("#book-appointment-panel summary").click();
        set("appointmentDate", "2031-06-16");
        set("appointmentTime", "09:00");
        browser.type("appointmentMinutes", "30");
        browser.type("appointmentPlace", "Biblioteket, Storgatan 5");
        browser.type("appointmentPurpose", "Tuvas praktik");
        browser.find("label[for=reminderChannel]").click();
        browser.assertAccessible("plan page with the booking form");
        browser.clickAndWait("#book-appointment-button");

        assertThat(browser.path()).startsWith("/persons/" + person + "/plan");
        Appointment a = appointments.forPerson(coach, person).get(0);
        assertThat(browser.text("#appointment-notice")).contains("Tiden är bokad");
        assertThat(browser.text("#appointment-" + a.id())).contains("09:00–09:30", "Biblioteket, Storgatan 5",
                "Cem Yilmaz", "SMS");
        browser.assertAccessible("plan page with a booked time");

        var ics = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById(arguments[0]).href).then(async r => done({
                    status: r.status, type: r.headers.get('content-type'), text: await r.text() }))
                  .catch(e => done({ error: String(e) }));""", "ics-" + a.id());
        assertThat(ics.get("status")).isEqualTo(200L);
        assertThat((String) ics.get("type")).startsWith("text/calendar");
        assertThat((String) ics.get("text")).contains("BEGIN:VEVENT", "SUMMARY:Bokad tid",
                "DTSTART:20310616T070000Z").doesNotContain("Tuva", "Tidsberg", "praktik");

        browser.open("/");
        assertThat(browser.text("#my-appointments")).contains("Mina möten denna vecka", "Tuva Tidsberg",
                "Biblioteket, Storgatan 5", "I dag");
        browser.assertAccessible("start page with my appointments");

        clock.moveTo(MONDAY.withHour(9).withMinute(40));
        browser.open("/");
        assertThat(browser.text("#my-appointments")).contains("Närvaro att registrera (1)");
        browser.clickAndWait("#my-appointments-due a");
        assertThat(browser.path()).startsWith("/persons/" + person + "/plan");
        browser.clickAndWait("#attendance-UTEBLEV-" + a.id());
        assertThat(browser.text("#appointment-notice")).isEqualTo("Registrerat: den unge kom inte.");
        assertThat(browser.text("#attendance-" + a.id())).isEqualTo("Uteblev");
        browser.assertAccessible("plan page after recording attendance");
        browser.open("/");
        assertThat(browser.text("#my-appointments")).doesNotContain("Närvaro att registrera").contains("Uteblev");
    }
}
