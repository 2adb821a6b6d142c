package se.lots.federation.programme;

/** Where a programme is in its period on a day: not started, running, or ended. */
public enum ProgrammeStatus {
    NOT_STARTED, RUNNING, ENDED
}
