package se.lots.kaa.register;

/** Who told us a status. */
public enum StatusSource {
    UNGDOMEN, VARDNADSHAVARE, SKOLAN, ARBETSFORMEDLINGEN, SOCIALTJANSTEN, ANNAN_AKTOR, SKOLANS_LISTA
}
