package se.lots.registry;

public enum IdentityKind {
    PERSONNUMMER, SAMORDNINGSNUMMER,
    /** generated for a person without a Swedish number, marked as such */
    RESERVE,
    /** followed without identity: gender, birth year and municipality only (as SUS allows) */
    ANONYMOUS
}
