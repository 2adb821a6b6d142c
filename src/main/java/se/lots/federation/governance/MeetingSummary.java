package se.lots.federation.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** One line of the list of meetings. */
public record MeetingSummary(long id, GoverningBody body, LocalDate heldOn, LocalTime startsAt, String place,
        int items, Instant approvedAt) {
}
