package se.lots.organisation;

/**
 * An administrator deactivated or reactivated an account; published inside the change's transaction so that the
 * audit entry is written, or rolled back, with it.
 */
public record AccountActivationChanged(long userId, String username, boolean active, String changedBy) {
}
