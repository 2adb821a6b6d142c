package se.lots.plan;

import java.util.List;

import se.lots.plan.plans.PlanStep;

/**
 * A step as typed in the form or sent to the API, as text so that each wrong field gets its own Swedish message.
 * Dates are ISO (ÅÅÅÅ-MM-DD); {@code version} is the version the user started from (null for a new step).
 */
public record StepInput(String trackId, String title, String responsibleParty, String responsibleUserId,
        String contactName, String how, String why, String nextStep, String obstacles, String startsOn,
        String dueOn, String status, String cancelReason, Boolean confidential, List<String> dependsOn,
        Integer version) {

    public static StepInput empty() {
        return new StepInput(null, null, null, null, null, null, null, null, null, null, null, "PLANERAD", null,
                false, List.of(), null);
    }

    public static StepInput of(PlanStep s) {
        return new StepInput(String.valueOf(s.trackId()), s.title(), s.responsibleParty().name(),
                s.responsibleUserId() == null ? null : s.responsibleUserId().toString(), s.contactName(), s.how(),
                s.why(), s.nextStep(), s.obstacles(), s.startsOn() == null ? null : s.startsOn().toString(),
                s.dueOn() == null ? null : s.dueOn().toString(), s.status().name(), s.cancelReason(),
                s.confidential(), s.dependsOn().stream().map(Object::toString).toList(), s.version());
    }

    public StepInput withVersion(int v) {
        return new StepInput(trackId, title, responsibleParty, responsibleUserId, contactName, how, why, nextStep,
                obstacles, startsOn, dueOn, status, cancelReason, confidential, dependsOn, v);
    }

    boolean isConfidential() {
        return Boolean.TRUE.equals(confidential);
    }
}
