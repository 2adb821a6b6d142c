package se.lots.privacy;

import se.lots.security.Actor;

/**
 * An administrator set the organisation's retention rule ({@code before} is null where the default applied):
 * published in the writing transaction, so that the audit module logs it with the change (ADR 0008).
 */
public record RetentionRuleChanged(Actor changedBy, RetentionRule before, RetentionRule after) {
}
