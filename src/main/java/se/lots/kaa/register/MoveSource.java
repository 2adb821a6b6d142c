package se.lots.kaa.register;

/** How the municipality learnt that a young person's folkbokföring moved. */
public enum MoveSource {
    /** Skatteverket's folkbokföring, e.g. the KAA list the municipality takes out of it. */
    FOLKBOKFORINGEN, UNGDOMEN, VARDNADSHAVARE, SKOLAN, ANNAN
}
