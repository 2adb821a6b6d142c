package se.lots.audit;

public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT, BREAK_GLASS
}
