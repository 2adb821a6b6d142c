package se.lots.privacy.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/** A request for a register extract and where it stands (the content and the review are read on their own). */
public record RegisterExtract(UUID id, OrganisationId organisationId, UUID personId, LocalDate receivedOn,
        Requester requestedBy, String requesterName, IdentityCheck identityCheck, String identityNote,
        ExtractStatus status, LocalDate deadline, LocalDate extendedTo, String extensionReason, String refusalReason,
        Instant preparedAt, Long preparedBy, Boolean youngPersonSecrecyConsidered, Instant reviewedAt,
        Long reviewedBy, Handover handover, Instant handedOverAt, Long handedOverBy, Instant createdAt, long createdBy,
        int version) {

    /** The day the answer is due: the extended deadline where there is one. */
    public LocalDate dueOn() {
        return extendedTo != null ? extendedTo : deadline;
    }

    public boolean overdue(LocalDate today) {
        return status.open() && today.isAfter(dueOn());
    }

    /** The latest day an extension may reach (GDPR art. 12.3). */
    public LocalDate latestExtension() {
        return ExtractDeadlinePolicy.latestExtension(receivedOn);
    }
}
