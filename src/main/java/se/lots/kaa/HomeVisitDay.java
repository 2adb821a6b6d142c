package se.lots.kaa;

import java.time.LocalDate;
import java.util.UUID;

/** A planned home-visit day: when, the two staff members, the card's phone number, how many planned and recorded. */
public record HomeVisitDay(UUID id, LocalDate visitOn, long firstStaffId, String firstStaff, long secondStaffId,
        String secondStaff, String contactPhone, int planned, int recorded) {
}
