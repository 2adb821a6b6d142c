package se.lots.privacy;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.security.Actor;

/**
 * An administrator executed an approved retention run: {@code outcome} is "DONE" (then {@code persons} and {@code rows}
 * were removed, of whom {@code forgotten} persons were gone from every register and so removed from the registry and
 * forgotten in the audit log) or "REFUSED" (nothing removed: the data or a rule changed since the dry run). Published
 * in the run's transaction, before the persons are forgotten, so that the audit module logs it with the removal
 * (ADR 0008); it names no person. A run that fails is rolled back with its entry.
 */
public record RetentionRunExecuted(Actor executedBy, UUID runId, LocalDate day, String outcome,
        long persons, long rows, int forgotten) {
}
