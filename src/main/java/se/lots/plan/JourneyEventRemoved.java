package se.lots.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A row left a young person's journey (a correction, gallring). Published in the removing transaction with what the
 * row was, so a listener can undo what it counted.
 */
public record JourneyEventRemoved(UUID personId, long organisationId, LocalDate occurredOn, JourneyKind kind) {
}
