package se.lots.audit;

public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT, BREAK_GLASS,
    /** Protected identity (skyddad folkbokföring / sekretessmarkering) set on a person; the detail is the reason. */
    PROTECTED_IDENTITY_SET,
    /** Protected identity lifted; the detail is the reason. */
    PROTECTED_IDENTITY_LIFTED
}
