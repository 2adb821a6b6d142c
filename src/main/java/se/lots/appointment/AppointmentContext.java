package se.lots.appointment;

/** What a booked time belongs to: the young person's plan, a KAA contact, or something else. */
public enum AppointmentContext {
    PLAN, KAA, ANNAT
}
