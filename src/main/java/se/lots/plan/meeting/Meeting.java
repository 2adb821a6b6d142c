package se.lots.plan.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/** A meeting about the young person's plan, convened by {@code organisationId}, with who took part. */
public record Meeting(UUID id, UUID personId, MeetingKind kind, LocalDate heldOn,
        OrganisationId organisationId,
        String organisationName, boolean youngPersonPresent, boolean guardianPresent, String minutes,
        LocalDate nextMeetingOn, Long coordinatorUserId, String coordinatorName, List<Party> organisations,
        List<Participant> participants, int version) {

    /** A participating organisation and the consent (from the record's holder, scope PLAN) covering it, if any. */
    public record Party(OrganisationId organisationId, String name, UUID consentId) {
    }

    /** A person taking part: staff (userId) or not (a support person, a teacher). */
    public record Participant(String name, OrganisationId organisationId, Long userId, String role) {
    }

    /** The participating organisations' names, comma-separated, for a list page. */
    public String organisationNames() {
        return String.join(", ", organisations.stream().map(Party::name).toList());
    }

    /** True when minutes were recorded. */
    public boolean hasMinutes() {
        return minutes != null && !minutes.isBlank();
    }
}
