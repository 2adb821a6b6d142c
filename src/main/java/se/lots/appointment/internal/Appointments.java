package se.lots.appointment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.appointment.Appointment;
import se.lots.appointment.AppointmentContext;
import se.lots.appointment.Attendance;
import se.lots.appointment.ReminderChannel;
import se.lots.organisation.OrganisationId;

/** Booked times in SQL; times are stored as instants and read as Swedish local time. */
@Repository
public class Appointments {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static final String COLUMNS = """
            a.id, a.person_id, a.organisation_id, a.with_user_id, s.display_name AS with_user_name, a.starts_at,
            a.ends_at, a.place, a.purpose, a.context, a.reminder_channel, a.reminder_address, a.attendance,
            a.attendance_note, a.created_at, a.version
              FROM appointment a JOIN organisation_staff s ON s.id = a.with_user_id""";

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(UUID personId, OrganisationId organisationId, long withUserId, Instant startsAt, Instant endsAt,
            String place, String purpose, AppointmentContext context, ReminderChannel channel, String address,
            long userId) {
        return jdbc.sql("""
                INSERT INTO appointment (person_id, organisation_id, with_user_id, starts_at, ends_at, place, purpose,
                                         context, reminder_channel, reminder_address, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, organisationId.value(), withUserId, at(startsAt), at(endsAt), place, purpose, context.name(),
                        channel.name(), address, userId)
                .query(UUID.class).single();
    }

    public Optional<Appointment> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE a.id = ?").param(id).query(Appointments::appointment).optional();
    }

    /** The organisation's times with the young person, the latest first. */
    public List<Appointment> forPerson(OrganisationId organisationId, UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE a.organisation_id = ? AND a.person_id = ? ORDER BY a.starts_at DESC")
                .params(organisationId.value(), personId).query(Appointments::appointment).list();
    }

    /** The times a staff member has from {@code from} (inclusive) to {@code to} (exclusive), in order. */
    public List<Appointment> withStaff(OrganisationId organisationId, long userId, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 WHERE a.organisation_id = ? AND a.with_user_id = ? AND a.starts_at >= ? AND a.starts_at < ?
                 ORDER BY a.starts_at""")
                .params(organisationId.value(), userId, at(from), at(to)).query(Appointments::appointment).list();
    }

    /** The active staff member of the organisation, by name; empty when not one of its active users. */
    public Optional<String> activeStaffName(OrganisationId organisationId, long userId) {
        return jdbc.sql("SELECT display_name FROM organisation_staff WHERE id = ? AND organisation_id = ? AND active")
                .params(userId, organisationId.value()).query(String.class).optional();
    }

    /** Every organisation's and unit's name: a reminder's place must not name one (NeutralPlace). */
    public List<String> organisationAndUnitNames() {
        return jdbc.sql("SELECT name FROM organisation_directory UNION SELECT name FROM organisation_unit_directory")
                .query(String.class).list();
    }

    /** Records attendance if nobody changed the time since {@code version}. */
    public boolean setAttendance(UUID id, Attendance attendance, String note, long userId, Instant at, int version) {
        return jdbc.sql("""
                UPDATE appointment SET attendance = ?, attendance_note = ?, attendance_by = ?, attendance_at = ?,
                                       version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(attendance.name(), note, userId, at(at), id, version).update() == 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static LocalDateTime local(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(SWEDEN).toLocalDateTime();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        String attendance = rs.getString("attendance");
        return new Appointment(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")), rs.getLong("with_user_id"), rs.getString("with_user_name"),
                local(rs, "starts_at"), local(rs, "ends_at"), rs.getString("place"), rs.getString("purpose"),
                AppointmentContext.valueOf(rs.getString("context")),
                ReminderChannel.valueOf(rs.getString("reminder_channel")), rs.getString("reminder_address"),
                attendance == null ? null : Attendance.valueOf(attendance), rs.getString("attendance_note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
