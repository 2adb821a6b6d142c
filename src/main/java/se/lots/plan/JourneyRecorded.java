package se.lots.plan;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * Something was written to a young person's journey (a contact, a group activity, an enrolment, a plan step …).
 * Published by the journey in the writing transaction, so a listener that writes in it commits or rolls back with the
 * journey.
 */
public record JourneyRecorded(UUID personId, OrganisationId organisationId, LocalDate occurredOn, JourneyKind kind) {
}
