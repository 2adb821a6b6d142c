package se.lots.progression.instrument;

/** Who gave an assessment. */
public enum Rater {
    DEN_UNGE, HANDLAGGARE
}
