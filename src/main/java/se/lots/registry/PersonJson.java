package se.lots.registry;

import java.time.LocalDate;
import java.util.UUID;

/** A person as the API shows it; for protected identity {@code address} is always null. */
record PersonJson(UUID id, IdentityKind identityKind, String personalIdentityNumber, String reserveIdentity,
        String firstName, String lastName, LocalDate birthDate, int birthYear, Gender gender, String municipalityCode,
        boolean protectedIdentity, Address address, String phone, String email, String preferredLanguage,
        boolean interpreterNeeded, Guardian guardian, long ownerOrganisationId, int version) {

    static PersonJson of(YoungPerson p) {
        return new PersonJson(p.id(), p.identityKind(), p.personalIdentityNumber(), p.reserveIdentity(),
                p.firstName(), p.lastName(), p.birthDate(), p.birthYear(), p.gender(), p.municipalityCode(),
                p.protectedIdentity(), p.protectedIdentity() ? null : p.address(), p.phone(), p.email(),
                p.preferredLanguage(), p.interpreterNeeded(), p.guardian(), p.ownerOrganisationId(), p.version());
    }
}
