package se.lots.consent;

import se.lots.audit.AccessBasis;

/** The outcome of an access decision; a granted one carries the basis the audit log records. */
public record Access(boolean granted, AccessBasis basis) {

    static final Access DENIED = new Access(false, null);

    static Access granted(AccessBasis basis) {
        return new Access(true, basis);
    }
}
