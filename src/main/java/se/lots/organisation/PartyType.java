package se.lots.organisation;

/** Huvudman / part: the four Finsam parties first, then the others who work with young people. */
public enum PartyType {
    KOMMUN, REGION, ARBETSFORMEDLINGEN, FORSAKRINGSKASSAN, FORBUND, SKOLA, CIVIL_SOCIETY, OTHER
}
