package se.lots.intervention.catalogue;

/** The shared words of the Skellefteå mapping; each has its definition in the message bundles (intervention.kind.*). */
public enum InterventionKind {
    INSATS, ATGARD, AKTIVITET, PRAKTIK, UTBILDNING
}
