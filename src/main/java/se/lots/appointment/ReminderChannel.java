package se.lots.appointment;

/** The channel the young person chose for reminders; INGEN: no reminder. Nothing is ever sent by post. */
public enum ReminderChannel {
    SMS, EPOST, INGEN
}
