package se.lots.consent;

/**
 * What a consent is for, and for how long at most: a consent must be specific (GDPR art. 4.11 and 7; the
 * confidentiality it lifts, OSL 12 kap. 2 §, is the young person's to lift again), so it covers one piece of work
 * for about as long as that work runs, and is asked for again after that.
 */
public enum ConsentPurpose {
    // a SIP is followed up and revised at its meetings; a new plan year asks the young person again
    SIP(12),
    // joint work in an insats is reviewed at least yearly (the förbund's follow-up is by the year)
    SAMORDNING(12),
    // one referral is answered and started within weeks; its consent does not outlive it by long
    REMISS(6),
    // follow-up runs through the programme and up to a year after discharge (SUS asks 12 months after)
    UPPFOLJNING(24);

    private final int maxMonths;

    ConsentPurpose(int maxMonths) {
        this.maxMonths = maxMonths;
    }

    /** Valid to at most this many months after valid from (that day included). */
    public int maxMonths() {
        return maxMonths;
    }
}
