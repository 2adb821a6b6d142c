package se.lots.intervention;

/**
 * A need an intervention addresses ("NPF-stöd", "Boende"); the administrator keeps the list. {@code code} is stable
 * ("NPF_STOD") for other modules to name a need by; renaming a need keeps it.
 */
public record Need(long id, String name, int position, boolean active, String code) {
}
