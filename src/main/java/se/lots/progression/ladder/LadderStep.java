package se.lots.progression.ladder;

/**
 * A step on the ladder towards work or study; {@code position} 1 is furthest away. A {@code retired} step is kept for
 * the movements recorded on it but offered no more; {@code inUse} when a movement or an occupation points at it.
 */
public record LadderStep(long id, int position, String label, String description, boolean retired, boolean inUse) {
}
