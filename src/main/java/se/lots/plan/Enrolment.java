package se.lots.plan;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.plan.enrolment.EnrolmentEndReason;

/** Inskrivning in a programme; ended when {@code endedOn} is set, transferred when the next one points back here. */
public record Enrolment(UUID id, UUID personId, long programmeId, String programmeName,
        OrganisationId organisationId, String organisationName, LocalDate startedOn,
        OrganisationId referringOrganisationId, String referringOrganisationName,
        Long contactUserId, String contactUserName, String reason, LocalDate endedOn, EnrolmentEndReason endReason,
        UUID transferredFrom, int version) {

    public boolean open() {
        return endedOn == null;
    }
}
