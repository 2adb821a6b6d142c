package se.lots.appointment.internal;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * Booked times' part of a register extract: each time booked with the young person, whether they came, and the
 * reminders sent before it. The staff member met is shown by organisation and role, as in the audit log.
 */
@Component
class AppointmentPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    AppointmentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "appointment";
    }

    @Override
    public Set<String> tables() {
        return Set.of("appointment", "appointment_reminder");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("appointment", jdbc.sql("""
                SELECT to_char(a.starts_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS heading,
                       o.name AS organisation, s.role, a.starts_at, a.ends_at, a.place, a.purpose,
                       a.context AS context_code, a.reminder_channel AS reminder_channel_code, a.reminder_address,
                       a.attendance AS attendance_code, a.attendance_note, a.created_at
                  FROM appointment a
                  LEFT JOIN organisation_directory o ON o.id = a.organisation_id
                  LEFT JOIN organisation_staff s ON s.id = a.with_user_id
                 WHERE a.person_id = ?
                 ORDER BY a.starts_at""").param(personId).query().listOfRows(), Map.of("context_code",
                        "appointment.context.", "reminder_channel_code", "appointment.channel.", "attendance_code",
                        "appointment.attendance."))
                .table("appointment_reminder", jdbc.sql("""
                SELECT to_char(a.starts_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS heading,
                       r.recipient AS recipient_code, r.channel AS reminder_channel_code, r.due_at, r.sent_at,
                       r.dropped_at
                  FROM appointment_reminder r JOIN appointment a ON a.id = r.appointment_id
                 WHERE a.person_id = ?
                 ORDER BY r.due_at""").param(personId).query().listOfRows(),
                        Map.of("reminder_channel_code", "appointment.channel.")).build();
    }
}
