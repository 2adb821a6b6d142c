package se.lots.audit;

public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, EXPORT, BREAK_GLASS,
    /** Protected identity (skyddad folkbokföring / sekretessmarkering) set on a person; the detail is the reason. */
    PROTECTED_IDENTITY_SET,
    /** Protected identity lifted; the detail is the reason. */
    PROTECTED_IDENTITY_LIFTED,
    /** A rectification (rättelse, GDPR art. 16) of the record; the detail keeps each field's value before and after. */
    RECTIFICATION,
    /** A decided request for erasure (GDPR art. 17); the detail is the case number and what was removed or why not. */
    ERASURE
}
