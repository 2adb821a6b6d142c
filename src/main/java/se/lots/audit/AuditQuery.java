package se.lots.audit;

import java.time.LocalDate;
import java.util.UUID;

public record AuditQuery(UUID personId, String username, LocalDate from, LocalDate to, AuditAction action) {
}
