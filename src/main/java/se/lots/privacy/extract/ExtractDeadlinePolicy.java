package se.lots.privacy.extract;

import java.time.LocalDate;

// GDPR art. 12.3: answer without undue delay and within one month of receipt; extendable by two further months
// where necessary, taking into account the complexity and number of the requests, the person told why within the
// first month.
/** The deadline of a request for a register extract and how far it may be extended. */
public final class ExtractDeadlinePolicy {

    private ExtractDeadlinePolicy() {
    }

    /** One month from the day the request was received. */
    public static LocalDate deadline(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    /** The latest day an extension may reach: two further months. */
    public static LocalDate latestExtension(LocalDate receivedOn) {
        return receivedOn.plusMonths(3);
    }

    /** True when {@code to} is a lawful extension of a request received on {@code receivedOn}. */
    public static boolean mayExtendTo(LocalDate receivedOn, LocalDate to) {
        return to.isAfter(deadline(receivedOn)) && !to.isAfter(latestExtension(receivedOn));
    }
}
