package se.lots.appointment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * A time booked with a young person by an organisation. {@code startsAt}/{@code endsAt} are Swedish local time.
 * {@code attendance} is null until someone records it.
 */
public record Appointment(UUID id, UUID personId, OrganisationId organisationId, long withUserId, String withUserName,
        LocalDateTime startsAt, LocalDateTime endsAt, String place, String purpose, AppointmentContext context,
        ReminderChannel reminderChannel, String reminderAddress, Attendance attendance, String attendanceNote,
        Instant createdAt, int version) {
}
