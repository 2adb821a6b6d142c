package se.lots.appointment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The start page's "Mina möten denna vecka": the logged-in user's booked times from Monday to Sunday of this week,
 * and the earlier ones (up to 30 days back) whose attendance is still to be recorded.
 */
public record MyWeek(LocalDate monday, LocalDate today, LocalDateTime now, List<Row> thisWeek, List<Row> toRecord) {

    /** A time with the young person's name (null when the user may no longer read them) and the page it belongs to. */
    public record Row(Appointment appointment, String personName, String link) {

        public boolean today(LocalDate day) {
            return appointment.startsAt().toLocalDate().equals(day);
        }
    }

    /** True when the time has begun and nobody has recorded whether the young person came. */
    public boolean attendanceDue(Row row) {
        return row.appointment().attendance() == null && !row.appointment().startsAt().isAfter(now);
    }
}
