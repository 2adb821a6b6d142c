package se.lots.plan.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * One step: who (organisation and named person), how, when, why, the next step, obstacles, status, and whether the
 * young person, the municipality or another actor is responsible.
 */
public record PlanStep(UUID id, UUID planId, long trackId, OrganisationId organisationId,
        String organisationName,
        Long responsibleUserId, String responsibleUserName, String contactName, ResponsibleParty responsibleParty,
        String title, String how, String why, String nextStep, String obstacles, LocalDate startsOn, LocalDate dueOn,
        StepStatus status, String cancelReason, boolean confidential, UUID meetingId, List<UUID> dependsOn,
        Instant updatedAt, String updatedByName, int version) {

    public boolean overdueOn(LocalDate day) {
        return status.open() && dueOn != null && dueOn.isBefore(day);
    }

    /** The named person to call: the responsible user, else the contact name. */
    public String who() {
        return responsibleUserName != null ? responsibleUserName : contactName;
    }
}
