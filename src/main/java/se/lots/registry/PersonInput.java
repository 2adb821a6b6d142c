package se.lots.registry;

/**
 * What a user types to register or edit a young person, as text, so that every wrong field can be named in
 * Swedish instead of failing in a converter. Dates are ISO (ÅÅÅÅ-MM-DD).
 */
public record PersonInput(Boolean anonymous, String personalIdentityNumber, String birthDate, String birthYear,
        String firstName, String lastName, String gender, String municipalityCode, Boolean protectedIdentity,
        Address address, String phone, String email, String preferredLanguage, Boolean interpreterNeeded,
        Guardian guardian, Integer version) {

    public static PersonInput empty() {
        return new PersonInput(false, null, null, null, null, null, null, null, false, new Address(null, null, null),
                null, null, null, false, new Guardian(null, null, null), null);
    }

    public static PersonInput of(YoungPerson p) {
        return new PersonInput(p.anonymous(), p.displayIdentity() == null || p.reserveIdentity() != null ? null
                : p.displayIdentity(), p.birthDate() == null ? null : p.birthDate().toString(),
                String.valueOf(p.birthYear()), p.firstName(), p.lastName(), p.gender().name(),
                p.municipalityCode() == null ? null : p.municipalityCode().value(),
                p.protectedIdentity(), p.address() == null ? new Address(null, null, null) : p.address(), p.phone(),
                p.email(), p.preferredLanguage(), p.interpreterNeeded(),
                p.guardian() == null ? new Guardian(null, null, null) : p.guardian(), p.version());
    }

    /** The same input starting from {@code v}, e.g. the version an API client named in If-Match. */
    public PersonInput withVersion(int v) {
        return new PersonInput(anonymous, personalIdentityNumber, birthDate, birthYear, firstName, lastName, gender,
                municipalityCode, protectedIdentity, address, phone, email, preferredLanguage, interpreterNeeded,
                guardian, v);
    }

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    boolean isProtected() {
        return Boolean.TRUE.equals(protectedIdentity);
    }
}
