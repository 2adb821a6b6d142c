package se.lots.consent;

/** Which parts of the record a consent shares. */
public enum ConsentScope {
    /** identity and contact details */
    GRUNDUPPGIFTER,
    PLAN,
    KAA,
    UPPFOLJNING
}
