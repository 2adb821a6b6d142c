package se.lots.progression.ladder;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A stegförflyttning: from one ladder step to another on a day; {@code derived} when computed from START/SLUT. The
 * positions are the steps' places on the ladder as it is now.
 */
public record StepMovement(UUID id, UUID participationId, LocalDate movedOn, long fromStepId, int fromPosition,
        String fromLabel, long toStepId, int toPosition, String toLabel, String note, boolean derived) {

    public boolean forward() {
        return toPosition > fromPosition;
    }
}
