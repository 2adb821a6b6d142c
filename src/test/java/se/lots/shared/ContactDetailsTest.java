package se.lots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = { "070-123 45 67", "+46 70 123 45 67", "0418-45 00 00", "(0418) 450000", "11414" })
    void aPhoneNumberAsPeopleTypeItIsAccepted(String number) {
        assertThat(ContactDetails.isPhoneNumber(number)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "1234", "070 123 45 67 89 01 23", "070-ABC", "anna@example.se", "070/1234567" })
    void somethingElseIsNotAPhoneNumber(String number) {
        assertThat(ContactDetails.isPhoneNumber(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "anna.svensson@svalov.se", "a@b.se", "förnamn@kommun.se" })
    void anEmailAddressIsAccepted(String address) {
        assertThat(ContactDetails.isEmailAddress(address)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "anna.svensson", "anna@svalov", "anna @svalov.se", "anna@@svalov.se", "@svalov.se" })
    void somethingElseIsNotAnEmailAddress(String address) {
        assertThat(ContactDetails.isEmailAddress(address)).isFalse();
    }
}
