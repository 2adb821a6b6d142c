package se.lots.appointment.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * What a reminder says, from the message bundle: the day, the time and the place, nothing else — not the young
 * person's name, not who booked it or which unit (the phone or inbox may be shared, NeutralPlace keeps the place
 * neutral).
 */
final class ReminderText {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private ReminderText() {
    }

    static String text(MessageSource messages, Instant startsAt, String place) {
        var local = startsAt.atZone(Appointments.SWEDEN);
        String day = local.format(DateTimeFormatter.ofPattern("EEEE d MMMM", SWEDISH));
        String time = local.format(DateTimeFormatter.ofPattern("HH:mm", SWEDISH));
        return messages.getMessage("appointment.reminder.text", new Object[] { day, time, place }, SWEDISH);
    }

    /** The staff member's e-mail: "möte i Lots", the day, the time, the place and the link; no young person's name. */
    static String staffText(MessageSource messages, Instant startsAt, String place, String link) {
        var local = startsAt.atZone(Appointments.SWEDEN);
        String day = local.format(DateTimeFormatter.ofPattern("EEEE d MMMM", SWEDISH));
        String time = local.format(DateTimeFormatter.ofPattern("HH:mm", SWEDISH));
        return messages.getMessage("appointment.staffReminder.text", new Object[] { day, time, place, link }, SWEDISH);
    }

    static String staffSubject(MessageSource messages) {
        return messages.getMessage("appointment.staffReminder.subject", null, SWEDISH);
    }

    static String subject(MessageSource messages) {
        return messages.getMessage("appointment.reminder.subject", null, SWEDISH);
    }
}
