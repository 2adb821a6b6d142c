package se.lots.progression;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant of a programme as follow-up counts them. Identified: {@code enrolmentId} is set and leads to the
 * person. Anonymous: no enrolment and no person, only what statistics need.
 */
public record Participant(UUID id, long programmeId, long organisationId, UUID enrolmentId,
        AnonymousReason anonymousReason, String gender, int birthYear, String municipalityCode, LocalDate startedOn,
        LocalDate endedOn) {

    public boolean anonymous() {
        return enrolmentId == null;
    }
}
