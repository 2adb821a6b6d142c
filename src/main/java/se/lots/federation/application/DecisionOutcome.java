package se.lots.federation.application;

/** What the board decides (and the officer proposes): beviljad, delvis beviljad, avslag, bordlagd. */
public enum DecisionOutcome {
    GRANTED, PARTLY_GRANTED, REFUSED, POSTPONED;

    /** Whether the outcome grants money (and names amounts). */
    public boolean grants() {
        return this == GRANTED || this == PARTLY_GRANTED;
    }
}
