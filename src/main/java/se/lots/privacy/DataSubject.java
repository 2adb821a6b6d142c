package se.lots.privacy;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/**
 * The young person an extract is about, as the registry holds them: the name and identity to put on the extract, the
 * birth date, or only its year for a samordningsnummer without a known day (a guardian asks only for someone under
 * 18), whether the identity is protected (no address, the handover's rule) and the organisation that holds the record.
 */
public record DataSubject(UUID id, String name, String identity, LocalDate birthDate, int birthYear,
        boolean protectedIdentity, OrganisationId holder) {

    /** Age in whole years on {@code day}, or null when the birth date is not known. */
    public Integer ageOn(LocalDate day) {
        return birthDate == null ? null : java.time.Period.between(birthDate, day).getYears();
    }
}
