package se.lots.intervention;

/** A need an intervention addresses ("NPF-stöd", "Boende"); the administrator keeps the list. */
public record Need(long id, String name, int position, boolean active) {
}
