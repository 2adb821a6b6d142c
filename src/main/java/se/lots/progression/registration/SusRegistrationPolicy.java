package se.lots.progression.registration;

import java.time.LocalDate;

/**
 * SUS guidance (Försäkringskassan, uppföljning av samordningsförbund): the situation "directly before" the start is
 * the one within one week before it, and the situation at the end is measured within a week of discharge; a break
 * shorter than a month does not change the occupation or the source of income.
 */
final class SusRegistrationPolicy {

    static final int WINDOW_DAYS = 7;
    static final int MAX_EXTENT = 100;

    private SusRegistrationPolicy() {
    }

    static LocalDate earliest(LocalDate reference) {
        return reference.minusDays(WINDOW_DAYS);
    }

    static LocalDate latest(LocalDate reference) {
        return reference.plusDays(WINDOW_DAYS);
    }

    static boolean withinWindow(LocalDate measuredOn, LocalDate reference) {
        return !measuredOn.isBefore(earliest(reference)) && !measuredOn.isAfter(latest(reference));
    }
}
