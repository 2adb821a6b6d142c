package se.lots.kaa.register;

/** A young person's current occupation as the KAA register knows it; OKAND ("not known") must shrink. */
public enum KaaStatus {
    OKAND, EJ_ANTRAFFBAR, AVBOJER, KONTAKTAD, I_ATGARD, STUDERAR, ARBETAR, ANNAN_SYSSELSATTNING, FLYTTAT,
    UTANFOR_MALGRUPP
}
