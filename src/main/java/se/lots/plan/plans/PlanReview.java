package se.lots.plan.plans;

import java.time.LocalDate;

public record PlanReview(long id, LocalDate heldOn, String note, LocalDate nextReviewOn, String reviewedByName) {
}
