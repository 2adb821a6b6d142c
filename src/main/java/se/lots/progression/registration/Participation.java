package se.lots.progression.registration;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;

/**
 * A young person's taking part in a programme as follow-up records it (the glossary's {@code Participation}; the table
 * is still called {@code participant}). Identified: {@code enrolmentId} is set and leads to the person. Anonymous: no
 * enrolment and no person, only what statistics need. Not to be confused with a meeting's participant
 * ({@code Meeting.Participant} in the plan module), someone who takes part in a meeting.
 */
public record Participation(UUID id, long programmeId, OrganisationId organisationId, UUID enrolmentId,
        AnonymousReason anonymousReason, String gender, int birthYear, MunicipalityCode municipalityCode,
        LocalDate startedOn,
        LocalDate endedOn) {

    public boolean anonymous() {
        return enrolmentId == null;
    }
}
