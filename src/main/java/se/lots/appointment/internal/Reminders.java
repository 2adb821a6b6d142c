package se.lots.appointment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.appointment.AppointmentContext;
import se.lots.appointment.ReminderChannel;
import se.lots.organisation.OrganisationId;

/** The reminders of booked times: due, sent, tried again or dropped. */
@Repository
public class Reminders {

    /** A reminder due now, with what it needs to be sent (locked by the sender's transaction). */
    public record Due(long id, UUID appointmentId, UUID personId, OrganisationId organisationId, String recipient,
            ReminderChannel channel, String address, long withUserId, AppointmentContext context, Instant startsAt,
            String place, boolean cancelled, int attempts) {

        /** The staff member's reminder (recipient PERSONAL), not the young person's. */
        public boolean toStaff() {
            return "PERSONAL".equals(recipient);
        }
    }

    private final JdbcClient jdbc;

    Reminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID appointmentId, String recipient, ReminderChannel channel, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO appointment_reminder (appointment_id, recipient, channel, due_at)
                VALUES (?, ?, ?, ?)""")
                .params(appointmentId, recipient, channel.name(), dueAt.atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * Up to {@code limit} reminders (the young persons' and the staff's) due at {@code now}, locked; rows another node is sending are
     * skipped (SKIP LOCKED), so each is sent once.
     */
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT r.id, r.appointment_id, a.person_id, a.organisation_id, r.recipient, r.channel,
                       a.reminder_address, a.with_user_id, a.context, a.starts_at, a.place,
                       a.attendance IS NOT NULL AS cancelled, r.attempts
                  FROM appointment_reminder r JOIN appointment a ON a.id = r.appointment_id
                 WHERE r.sent_at IS NULL AND r.dropped_at IS NULL AND r.due_at <= ?
                 ORDER BY r.due_at
                 LIMIT ?
                   FOR UPDATE OF r SKIP LOCKED""")
                .params(now.atOffset(ZoneOffset.UTC), limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("appointment_id", UUID.class),
                        rs.getObject("person_id", UUID.class), new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("recipient"), ReminderChannel.valueOf(rs.getString("channel")),
                        rs.getString("reminder_address"), rs.getLong("with_user_id"),
                        AppointmentContext.valueOf(rs.getString("context")),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getString("place"),
                        rs.getBoolean("cancelled"), rs.getInt("attempts")))
                .list();
    }

    public void sent(long id, Instant at) {
        jdbc.sql("UPDATE appointment_reminder SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), id).update();
    }

    /** Not sent this time: tried again at {@code retryAt}, or dropped when that is null (too late to help). */
    public void failed(long id, String error, Instant at, Instant retryAt) {
        if (retryAt == null) {
            jdbc.sql("UPDATE appointment_reminder SET attempts = attempts + 1, last_error = ?, dropped_at = ? WHERE id = ?")
                    .params(error, at.atOffset(ZoneOffset.UTC), id).update();
        } else {
            jdbc.sql("UPDATE appointment_reminder SET attempts = attempts + 1, last_error = ?, due_at = ? WHERE id = ?")
                    .params(error, retryAt.atOffset(ZoneOffset.UTC), id).update();
        }
    }

    public void drop(long id, String why, Instant at) {
        jdbc.sql("UPDATE appointment_reminder SET dropped_at = ?, last_error = ? WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), why, id).update();
    }

    /** The reminders not yet sent of a time that was cancelled or has happened: nothing more is sent for it. */
    public void dropPending(UUID appointmentId, String why, Instant at) {
        jdbc.sql("""
                UPDATE appointment_reminder SET dropped_at = ?, last_error = ?
                 WHERE appointment_id = ? AND sent_at IS NULL AND dropped_at IS NULL""")
                .params(at.atOffset(ZoneOffset.UTC), why, appointmentId).update();
    }

    /** What became of the time's reminders, for the booking organisation's page and the tests. */
    public List<String> states(UUID appointmentId) {
        return jdbc.sql("""
                SELECT recipient || ' ' || channel || ' ' || CASE WHEN sent_at IS NOT NULL THEN 'SKICKAD'
                       WHEN dropped_at IS NOT NULL THEN 'STRUKEN' ELSE 'VÄNTAR' END
                  FROM appointment_reminder WHERE appointment_id = ? ORDER BY id""")
                .param(appointmentId).query(String.class).list();
    }
}
