package se.lots.progression.registration;

/** Sysselsättning as SUS counts it; the codes are the rows of {@code occupation_category}. */
public enum Occupation {
    ARBETAR, STUDERAR, ARBETSSOKANDE, SJUKSKRIVEN, FORALDRALEDIG, INGEN_SYSSELSATTNING, ANNAN
}
