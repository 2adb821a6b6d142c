package se.lots.federation.application;

/** An insats with participants (a Finsam programme, existing or new) or a structural activity without participants. */
public enum ApplicationKind {
    PROGRAMME, STRUCTURAL
}
