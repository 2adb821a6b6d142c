package se.lots.audit.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.lots.audit.AuditAction;
import se.lots.organisation.OrganisationId;

public record AuditEntry(long id, OffsetDateTime at, String username, OrganisationId organisationId, String role,
        UUID personId, AuditAction action, String purpose, UUID consentId, String detail) {
}
