package se.lots.intervention.catalogue;

/** Who may take part, as the providers state it: a short fixed list, so that it can be searched and counted. */
public enum Eligibility {
    INGET_KRAV, INSKRIVEN_AF, AKTIVITETSERSATTNING, KAA, EKONOMISKT_BISTAND, SJUKPENNING, ETABLERING
}
