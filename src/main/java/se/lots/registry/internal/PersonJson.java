package se.lots.registry.internal;

import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;
import se.lots.registry.Address;
import se.lots.registry.Gender;
import se.lots.registry.Guardian;
import se.lots.registry.IdentityKind;
import se.lots.registry.YoungPerson;

/** A person as the API shows it; for protected identity {@code address} is always null. */
record PersonJson(UUID id, IdentityKind identityKind, String personalIdentityNumber, String reserveIdentity,
        String firstName, String lastName, LocalDate birthDate, int birthYear, Gender gender,
        MunicipalityCode municipalityCode,
        boolean protectedIdentity, Address address, String phone, String email, String preferredLanguage,
        boolean interpreterNeeded, Guardian guardian, OrganisationId ownerOrganisationId, int version) {

    static PersonJson of(YoungPerson p) {
        return new PersonJson(p.id(), p.identityKind(),
                p.personalIdentityNumber() == null ? null : p.personalIdentityNumber().value(), p.reserveIdentity(),
                p.firstName(), p.lastName(), p.birthDate(), p.birthYear(), p.gender(), p.municipalityCode(),
                p.protectedIdentity(), p.protectedIdentity() ? null : p.address(), p.phone(), p.email(),
                p.preferredLanguage(), p.interpreterNeeded(), p.guardian(), p.ownerOrganisationId(), p.version());
    }
}
