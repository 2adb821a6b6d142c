package se.lots.appointment;

/** Whether the young person came to a booked time: came, did not come (uteblev), or the time was cancelled. */
public enum Attendance {
    KOM, UTEBLEV, INSTALLD
}
