package se.lots.progression;

/** A step on the ladder towards work or study; {@code position} 1 is furthest away. */
public record LadderStep(long id, int position, String label, String description) {
}
