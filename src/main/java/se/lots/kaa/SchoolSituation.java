package se.lots.kaa;

/** Where a young person stands in upper secondary school, as the school's list says it. */
public enum SchoolSituation {
    /** Completed compulsory school, never started gymnasieskolan. */
    NOT_STARTED,
    ATTENDS_NATIONAL_PROGRAMME,
    ATTENDS_INTRODUCTION_PROGRAMME,
    LEFT_NATIONAL_PROGRAMME,
    LEFT_INTRODUCTION_PROGRAMME,
    /** Left with a studiebevis: not a completion. */
    LEFT_WITH_CERTIFICATE,
    /** Examensbevis from a national programme (or equivalent): completed. */
    COMPLETED_WITH_DIPLOMA
}
