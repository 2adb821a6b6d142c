package se.lots.plan.plans;

/** The plan's own fields as typed: the goal in the young person's words, strengths, coordinator, next review. */
public record PlanInput(String goal, String strengths, String coordinatorUserId, String nextReviewOn,
        Integer version) {

    PlanInput withVersion(int v) {
        return new PlanInput(goal, strengths, coordinatorUserId, nextReviewOn, v);
    }
}
