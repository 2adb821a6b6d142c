package se.lots.federation.governance;

/** Styrelse, beredningsgrupp/utvecklingsråd, operativ ledningsgrupp: only the board decides. */
public enum GoverningBody {
    BOARD, COUNCIL, STEERING_GROUP
}
