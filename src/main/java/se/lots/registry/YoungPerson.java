package se.lots.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;

/**
 * A young person in the registry. For a person with protected identity {@code address} is always null: it is
 * never stored, so it cannot be rendered, exported or searched.
 */
public record YoungPerson(UUID id, IdentityKind identityKind, PersonalIdentityNumber personalIdentityNumber,
        String reserveIdentity, String firstName, String lastName, LocalDate birthDate, int birthYear, Gender gender,
        MunicipalityCode municipalityCode, boolean protectedIdentity, Address address, String phone, String email,
        String preferredLanguage, boolean interpreterNeeded, Guardian guardian, OrganisationId ownerOrganisationId,
        Instant createdAt, Instant updatedAt, int version) {

    public boolean anonymous() {
        return identityKind == IdentityKind.ANONYMOUS;
    }

    /** The identity to show: formatted personnummer, the reserve identity, or nothing for an anonymous person. */
    public String displayIdentity() {
        if (personalIdentityNumber != null) {
            return personalIdentityNumber.formatted();
        }
        return reserveIdentity;
    }

    public String displayName() {
        return anonymous() ? null : firstName + " " + lastName;
    }

    public Integer ageOn(LocalDate day) {
        if (birthDate == null) {
            return null;
        }
        return java.time.Period.between(birthDate, day).getYears();
    }
}
