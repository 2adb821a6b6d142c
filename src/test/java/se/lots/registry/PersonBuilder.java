package se.lots.registry;

import se.lots.TestNumbers;

/** Test data: {@code aYoungPerson().protectedIdentity().build()}; personnummer from Skatteverket's test list. */
public final class PersonBuilder {

    private Boolean anonymous = false;
    private String pin = TestNumbers.next();
    private String birthDate;
    private String birthYear;
    private String firstName = "Test";
    private String lastName = "Testsson";
    private String gender = "KVINNA";
    private String municipality = "1214";
    private boolean protectedIdentity;
    private Address address = new Address("Storgatan 1", "268 31", "Svalöv");
    private String phone = "070-111 22 33";
    private String email = "test@example.se";

    private PersonBuilder() {
    }

    public static PersonBuilder aYoungPerson() {
        return new PersonBuilder();
    }

    public PersonBuilder withPin(String pin) {
        this.pin = pin;
        return this;
    }

    public PersonBuilder named(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
        return this;
    }

    public PersonBuilder withoutNumber(String birthDate) {
        this.pin = null;
        this.birthDate = birthDate;
        return this;
    }

    public PersonBuilder anonymous(String birthYear) {
        this.anonymous = true;
        this.pin = null;
        this.birthYear = birthYear;
        this.firstName = null;
        this.lastName = null;
        this.address = null;
        this.phone = null;
        this.email = null;
        return this;
    }

    public PersonBuilder protectedIdentity() {
        this.protectedIdentity = true;
        this.address = null;
        return this;
    }

    public PersonBuilder withAddress(Address address) {
        this.address = address;
        return this;
    }

    public PersonBuilder gender(String gender) {
        this.gender = gender;
        return this;
    }

    public PersonBuilder municipality(String code) {
        this.municipality = code;
        return this;
    }

    public PersonInput build() {
        return new PersonInput(anonymous, pin, birthDate, birthYear, firstName, lastName, gender, municipality,
                protectedIdentity, address, phone, email, "svenska", false, null, null);
    }
}
