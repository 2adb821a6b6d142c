package se.lots.privacy.extract;

import java.time.LocalDate;

// Föräldrabalken 6 kap. 11 §: the guardian decides in the child's personal matters, with growing regard to the child's
// own views and wishes; at 18 guardianship ends, and an adult is represented only by someone they authorise (ombud).
// OSL 12 kap. 3 §: secrecy protecting a minor applies also against the guardian where the minor's age and maturity
// call for it and disclosure would cause the minor considerable harm (in social services, 26 kap.); so a guardian's
// request for a 16–17-year-old is recorded as such and the reviewer confirms having weighed the young person's secrecy.
/** Whether a guardian may ask for a person's extract at all: only while the person is under 18. */
public final class GuardianRequestPolicy {

    private GuardianRequestPolicy() {
    }

    /**
     * True when a guardian may ask on {@code receivedOn} for a person born {@code birthDate}; where only the birth year
     * is known (a samordningsnummer without a day), only when the person is under 18 whatever the day.
     */
    public static boolean guardianMayAsk(LocalDate birthDate, int birthYear, LocalDate receivedOn) {
        if (birthDate != null) {
            return birthDate.plusYears(18).isAfter(receivedOn);
        }
        return birthYear > 0 && receivedOn.getYear() - birthYear <= 17;
    }
}
