package se.lots.kaa.homevisit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A planned home-visit day: when, the two staff members, the card's phone number, how many planned (not taken off
 * the day) and recorded; if cancelled, when, by whom and why.
 */
public record HomeVisitDay(UUID id, LocalDate visitOn, long firstStaffId, String firstStaff, long secondStaffId,
        String secondStaff, String contactPhone, int planned, int recorded, int version, OffsetDateTime cancelledAt,
        String cancelledBy, String cancelReason) {

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
