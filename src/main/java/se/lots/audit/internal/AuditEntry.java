package se.lots.audit.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import se.lots.audit.AuditAction;

public record AuditEntry(long id, OffsetDateTime at, String username, Long organisationId, String role,
        UUID personId, AuditAction action, String purpose, UUID consentId, String detail) {
}
