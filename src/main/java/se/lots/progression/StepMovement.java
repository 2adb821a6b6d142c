package se.lots.progression;

import java.time.LocalDate;
import java.util.UUID;

/** A stegförflyttning: from one ladder position to another on a day; {@code derived} when computed from START/SLUT. */
public record StepMovement(UUID id, UUID participantId, LocalDate movedOn, int fromPosition, String fromLabel,
        int toPosition, String toLabel, String note, boolean derived) {

    public boolean forward() {
        return toPosition > fromPosition;
    }
}
