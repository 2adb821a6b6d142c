package se.lots.plan.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.plan.JourneyKind;

/** One thing that happened on the young person's journey, for the timeline. */
public record JourneyEvent(long id, UUID personId, OrganisationId organisationId, Long userId, String userName,
        LocalDate occurredOn, Instant recordedAt, JourneyKind kind, String summary, String code, String organisationName, boolean confidential, UUID refId) {
}
