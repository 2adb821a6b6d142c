package se.lots.kaa;

/** Who told us a status. */
public enum StatusSource {
    UNGDOMEN, VARDNADSHAVARE, SKOLAN, ARBETSFORMEDLINGEN, SOCIALTJANSTEN, ANNAN_AKTOR, SKOLANS_LISTA
}
