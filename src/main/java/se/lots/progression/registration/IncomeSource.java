package se.lots.progression.registration;

/** Försörjning; several may apply at once. The codes are the rows of {@code income_source_category}. */
public enum IncomeSource {
    LON, A_KASSA, AKTIVITETSSTOD, SJUKPENNING, SJUK_ELLER_AKTIVITETSERSATTNING, EKONOMISKT_BISTAND,
    ETABLERINGSERSATTNING, STUDIEMEDEL, FORALDRARS_FORSORJNING, INGEN_OFFENTLIG, ANNAN
}
