package se.lots.progression.instrument;

/** Who rates an instrument's item: the young person, the case worker, or both (each in their own assessment). */
public enum ItemRater {
    DEN_UNGE, HANDLAGGARE, BADA;

    public boolean includes(Rater rater) {
        return this == BADA || name().equals(rater.name());
    }
}
