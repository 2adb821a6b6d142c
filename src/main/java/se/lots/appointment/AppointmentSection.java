package se.lots.appointment;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the "Bokade tider" section of the plan page or the KAA person page shows: the organisation's coming times
 * with the young person (soonest first), the past and cancelled ones with their attendance (latest first), and what
 * the booking form needs. For a protected identity the form asks for the number or address the young person chose
 * and nothing from the register is offered.
 */
public record AppointmentSection(UUID personId, AppointmentContext context, boolean protectedIdentity,
        boolean registerHasPhone, boolean registerHasEmail, List<Appointment> upcoming, List<Appointment> past,
        List<Staff> staff, long me, LocalDateTime now) {

    /** A colleague the young person may meet. */
    public record Staff(long id, String name) {
    }

    /** Came or did not come can be recorded once the time has begun, and only once. */
    public boolean canRecordAttendance(Appointment a) {
        return a.attendance() == null && !a.startsAt().isAfter(now);
    }

    /** A time not yet recorded can be cancelled at any time. */
    public boolean canCancel(Appointment a) {
        return a.attendance() == null;
    }
}
