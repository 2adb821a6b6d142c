package se.lots.plan.enrolment;

/** Why an enrolment ended; OVERFORD is set by a transfer to another programme. */
public enum EnrolmentEndReason {
    ARBETE, STUDIER, ANNAN_INSATS, FLYTTAT, AVBRUTIT, EJ_ANTRAFFBAR, FELREGISTRERAD, OVERFORD, ANNAT
}
