package se.lots.consent;

public enum GivenHow {
    SKRIFTLIGT, MUNTLIGT
}
