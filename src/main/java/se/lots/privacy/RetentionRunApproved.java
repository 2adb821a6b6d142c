package se.lots.privacy;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.security.Actor;

/**
 * An administrator approved a prepared retention run (gallringskörning) of the organisation, prepared by another
 * administrator ({@code preparedByName}): published in the writing transaction, so that the audit module logs the
 * approval with it (ADR 0008).
 */
public record RetentionRunApproved(Actor approvedBy, UUID runId, LocalDate day,
        String preparedByName) {
}
