package se.lots.federation.application;

/**
 * Where an application is, derived from what followed it: submitted, a proposal prepared, on a meeting's agenda,
 * decided by the board (the current decision grants, partly grants or refuses), withdrawn by the lead.
 */
public enum ApplicationStatus {
    INKOMMEN, BEREDD, PA_DAGORDNING, BESLUTAD, ATERKALLAD;

    /** Whether the lead may still withdraw it and the officer propose on it. */
    public boolean open() {
        return this != BESLUTAD && this != ATERKALLAD;
    }
}
