package se.lots.privacy;

/** The event a retention rule counts its time from. */
public enum RetentionEvent {
    /** The KAA episode closed (exited_on): the person left the municipality's activity responsibility. */
    EPISODE_CLOSED,
    /** The plan (or the enrolment) closed. */
    PLAN_CLOSED,
    /** The last activity recorded on the record (the newest change, contact or registration). */
    LAST_ACTIVITY
}
