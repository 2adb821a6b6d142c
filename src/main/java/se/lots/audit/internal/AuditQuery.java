package se.lots.audit.internal;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.audit.AuditAction;

public record AuditQuery(UUID personId, String username, LocalDate from, LocalDate to, AuditAction action) {
}
