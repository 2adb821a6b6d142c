package se.lots.kaa.measure;

/** Who carries out a measure: the young person themself, the municipality, or another actor (named in free text). */
public enum MeasureResponsible {
    UNG, KOMMUN, ANNAN_AKTOR
}
