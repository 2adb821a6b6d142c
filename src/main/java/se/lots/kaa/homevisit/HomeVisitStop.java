package se.lots.kaa.homevisit;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import se.lots.kaa.register.ContactOutcome;

/**
 * A person chosen for a home visit, as the route needs them: name, address and phone from the registry, the
 * guardian for someone under 18, and the outcome once it is recorded. For a protected identity the address fields
 * are always null (the registry never stores them, and the query blanks them again).
 */
public record HomeVisitStop(UUID personId, UUID episodeId, String name, String firstName, boolean protectedIdentity, String street,
        String postalCode, String city, String phone, LocalDate birthDate, int birthYear, String guardianName,
        String guardianPhone, ContactOutcome outcome, Boolean withGuardian) {

    public boolean hasAddress() {
        return street != null && !street.isBlank() && postalCode != null && !postalCode.isBlank();
    }

    /** Under 18 on the day of the visit; with only a birth year (some samordningsnummer) we assume so if it can be. */
    public boolean underEighteenOn(LocalDate day) {
        if (birthDate != null) {
            return Period.between(birthDate, day).getYears() < 18;
        }
        return day.getYear() - birthYear <= 18;
    }

    public boolean recorded() {
        return outcome != null;
    }
}
