package se.lots.plan;

import java.util.UUID;

/** A step was added to a young person's plan. Published in the writing transaction. */
public record PlanStepAdded(UUID personId, UUID stepId) {
}
