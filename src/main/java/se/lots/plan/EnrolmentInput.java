package se.lots.plan;

/** An enrolment as typed: programme, start, referring organisation, contact person, reason. */
public record EnrolmentInput(String programmeId, String startedOn, String referringOrganisationId,
        String contactUserId, String reason) {
}
