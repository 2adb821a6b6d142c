package se.lots.plan.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The plan itself: the young person's goal in their own words, their strengths, who coordinates, next review. */
public record Plan(UUID id, UUID personId, String goal, String strengths, Long coordinatorUserId,
        String coordinatorName, LocalDate nextReviewOn, Instant updatedAt, String updatedByName, int version) {
}
