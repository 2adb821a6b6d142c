package se.lots.plan;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * A row left a young person's journey (a correction, gallring). Published in the removing transaction with what the
 * row was, so a listener can undo what it counted.
 */
public record JourneyEventRemoved(UUID personId, OrganisationId organisationId, LocalDate occurredOn, JourneyKind kind) {
}
