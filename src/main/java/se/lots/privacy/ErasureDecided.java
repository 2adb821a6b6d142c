package se.lots.privacy;

import java.util.UUID;

import se.lots.security.Actor;

/**
 * A request for erasure (GDPR art. 17) was decided: published in the deciding transaction, so that the audit module
 * logs it as its own action (ADR 0008). {@code personId} is null when the person was erased from Lots altogether:
 * the entry then says what went (the case number, the registers and rows) and not whom. {@code detail} names no one.
 */
public record ErasureDecided(Actor decidedBy, UUID personId, String caseNumber, String detail) {
}
