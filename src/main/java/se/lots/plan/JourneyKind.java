package se.lots.plan;

/** What a journey event records; GRUPPAKTIVITET is a group activity the young person took part in. */
public enum JourneyKind {
    KONTAKT, GRUPPAKTIVITET, INSKRIVNING, UTSKRIVNING, OVERFORING, PLAN, STEG, STEGSTATUS, MOTE, REMISS, UPPFOLJNING
}
