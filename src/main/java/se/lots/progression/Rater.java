package se.lots.progression;

/** Who gave an assessment. */
public enum Rater {
    DEN_UNGE, HANDLAGGARE
}
