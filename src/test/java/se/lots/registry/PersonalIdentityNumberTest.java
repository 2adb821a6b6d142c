package se.lots.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.lots.registry.InvalidPersonalIdentityNumberException.Reason;

class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @ParameterizedTest
    @ValueSource(strings = {
            "200001012384",
            "20000101-2384",
            "20000101+2384",
            "0001012384",
            "000101-2384",
            "  000101-2384\t"})
    void everyAcceptedFormatNormalisesToTwelveDigits(String input) {
        assertThat(PersonalIdentityNumber.parse(input, TODAY).value()).isEqualTo("200001012384");
    }

    @Test
    void tenDigitsPlaceThePersonInTheMostRecentCenturyThatIsNotInTheFuture() {
        assertThat(PersonalIdentityNumber.parse("200101-2398", TODAY).value()).isEqualTo("202001012398");
        assertThat(PersonalIdentityNumber.parse("261204-9029", TODAY).value()).isEqualTo("192612049029");
    }

    @Test
    void plusSeparatorMovesTheBirthOneCenturyBack() {
        assertThat(PersonalIdentityNumber.parse("151079-2383", TODAY).value()).isEqualTo("201510792383");
        assertThat(PersonalIdentityNumber.parse("151079+2383", TODAY).value()).isEqualTo("191510792383");
    }

    @Test
    void plusIsAcceptedFromTheYearThePersonTurnsOneHundred() {
        assertThat(PersonalIdentityNumber.parse("261204+9029", TODAY).value()).isEqualTo("192612049029");
    }

    @Test
    void twelveDigitsWithPlusKeepTheGivenCentury() {
        assertThat(PersonalIdentityNumber.parse("19151079+2383", TODAY).value()).isEqualTo("191510792383");
    }

    @Test
    void personnummerWithWrongChecksumIsRejected() {
        assertReason("200001012385", Reason.CHECKSUM);
        assertReason("000101-2385", Reason.CHECKSUM);
    }

    @Test
    void twentyNinthOfFebruaryInALeapYearIsAccepted() {
        assertThat(PersonalIdentityNumber.parse("200002292399", TODAY).birthDate())
                .isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(PersonalIdentityNumber.parse("200229-2387", TODAY).birthDate())
                .isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @Test
    void twentyNinthOfFebruaryInANonLeapYearIsRejectedAsAnInvalidDate() {
        assertReason("190002292399", Reason.DATE);
        assertReason("202302292387", Reason.DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200013012384", "200000012384", "200004312384", "200001002384", "200001322384"})
    void impossibleDatesAreRejected(String input) {
        assertReason(input, Reason.DATE);
    }

    @Test
    void birthDateInTheFutureIsRejected() {
        assertReason("200001012384", LocalDate.of(1999, 12, 31), Reason.FUTURE);
    }

    @Test
    void personBornTodayIsAccepted() {
        assertThat(PersonalIdentityNumber.parse("200001012384", LocalDate.of(2000, 1, 1)).birthDate())
                .isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void samordningsnummerIsRecognisedWithItsRealBirthDate() {
        PersonalIdentityNumber pin = PersonalIdentityNumber.parse("191401682396", TODAY);

        assertThat(pin.isCoordinationNumber()).isTrue();
        assertThat(pin.birthDate()).isEqualTo(LocalDate.of(1914, 1, 8));
        assertThat(PersonalIdentityNumber.parse("202002892392", TODAY).birthDate())
                .isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(PersonalIdentityNumber.parse("200001012384", TODAY).isCoordinationNumber()).isFalse();
    }

    @Test
    void samordningsnummerWithUnknownMonthOrDayHasOnlyABirthYear() {
        PersonalIdentityNumber unknownMonth = PersonalIdentityNumber.parse("199000702390", TODAY);
        PersonalIdentityNumber unknownDay = PersonalIdentityNumber.parse("191711602399", TODAY);

        assertThat(unknownMonth.isCoordinationNumber()).isTrue();
        assertThat(unknownMonth.hasCompleteBirthDate()).isFalse();
        assertThat(unknownMonth.birthYear()).isEqualTo(1990);
        assertThat(unknownDay.hasCompleteBirthDate()).isFalse();
        assertThatIllegalStateException().isThrownBy(unknownMonth::birthDate);
    }

    @Test
    void unknownMonthIsOnlyAllowedInSamordningsnummer() {
        assertReason("199000102390", Reason.DATE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "",
            "   ",
            "Anna Andersson",
            "20000101-238A",
            "20000101238",
            "2000010123845",
            "000101--2384",
            "000101 2384",
            "2000-01-01-2384",
            "20000101-23-84",
            "0001012384x"})
    void inputThatIsNotShapedLikeAPersonnummerIsRejectedAsFormat(String input) {
        assertReason(input, Reason.FORMAT);
    }

    @Test
    void constructorRejectsAValueThatIsNotTwelveDigits() {
        assertThatThrownBy(() -> new PersonalIdentityNumber("20000101-2384"))
                .isInstanceOfSatisfying(InvalidPersonalIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
    }

    @Test
    void rejectionCarriesASwedishMessageAndAMessageKey() {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse("200001012385", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Personnumrets kontrollsiffra stämmer inte.")
                .isInstanceOfSatisfying(InvalidPersonalIdentityNumberException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("pin.invalid.checksum"));
        assertThat(new InvalidPersonalIdentityNumberException(Reason.FORMAT))
                .hasMessage("Personnumret ska ha 10 eller 12 siffror, t.ex. ÅÅÅÅMMDD-NNNN.");
        assertThat(new InvalidPersonalIdentityNumberException(Reason.DATE))
                .hasMessage("Personnumret innehåller inget giltigt datum.");
        assertThat(new InvalidPersonalIdentityNumberException(Reason.FUTURE))
                .hasMessage("Personnumrets födelsedatum ligger i framtiden.");
    }

    @Test
    void legalGenderFollowsTheParityOfTheNinthDigit() {
        assertThat(PersonalIdentityNumber.parse("200001012384", TODAY).legalGender()).isEqualTo(LegalGender.FEMALE);
        assertThat(PersonalIdentityNumber.parse("200001022391", TODAY).legalGender()).isEqualTo(LegalGender.MALE);
    }

    @Test
    void formattedAndToStringUseEightDigitDateAndHyphen() {
        PersonalIdentityNumber pin = PersonalIdentityNumber.parse("0001012384", TODAY);

        assertThat(pin.formatted()).isEqualTo("20000101-2384");
        assertThat(pin).hasToString("20000101-2384");
    }

    @Test
    void ageIncreasesOnTheBirthday() {
        PersonalIdentityNumber pin = PersonalIdentityNumber.parse("200001012384", TODAY);

        assertThat(pin.ageOn(LocalDate.of(2017, 12, 31))).isEqualTo(17);
        assertThat(pin.ageOn(LocalDate.of(2018, 1, 1))).isEqualTo(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200001012384", "20000101-2384", "0001012384", "000101-2384", "000101+2384", " 000101-2384 "})
    void inputShapedLikeAPersonnummerLooksLikeOne(String input) {
        assertThat(PersonalIdentityNumber.looksLikeOne(input)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Anna", "Andersson 2000", "2000-01-01", "20000101238", "000101"})
    void namesAndPartialNumbersDoNotLookLikeOne(String input) {
        assertThat(PersonalIdentityNumber.looksLikeOne(input)).isFalse();
    }

    @Test
    void everySkatteverketTestNumberParsesAndRoundTrips() throws IOException {
        List<String> personnummer = readNumbers("/reference/testpersonnummer.csv");
        List<String> samordningsnummer = readNumbers("/reference/testsamordningsnummer.csv");
        List<String> failures = new ArrayList<>();

        personnummer.forEach(number -> checkRoundTrip(number, false, failures));
        samordningsnummer.forEach(number -> checkRoundTrip(number, true, failures));

        assertThat(personnummer).isNotEmpty();
        assertThat(samordningsnummer).isNotEmpty();
        assertThat(failures).isEmpty();
    }

    private static void checkRoundTrip(String number, boolean coordination, List<String> failures) {
        PersonalIdentityNumber pin;
        try {
            pin = PersonalIdentityNumber.parse(number, TODAY);
        } catch (InvalidPersonalIdentityNumberException e) {
            failures.add(number + ": " + e.reason());
            return;
        }
        if (!pin.value().equals(number) || pin.isCoordinationNumber() != coordination) {
            failures.add(number + ": parsed as " + pin.value());
        }
        expectSame(pin, pin.formatted(), failures);
        String datePart = number.substring(2, 8);
        String birthNumber = number.substring(8);
        // Folkbokföringslagen 18 §: '+' is used from the year the person turns 100.
        boolean plusYear = TODAY.getYear() - pin.birthYear() >= 100;
        if (plusYear) {
            expectSame(pin, datePart + "+" + birthNumber, failures);
        }
        boolean underHundred = pin.hasCompleteBirthDate() ? pin.ageOn(TODAY) < 100 : !plusYear;
        if (underHundred) {
            expectSame(pin, datePart + "-" + birthNumber, failures);
            expectSame(pin, datePart + birthNumber, failures);
        }
    }

    private static void expectSame(PersonalIdentityNumber expected, String input, List<String> failures) {
        try {
            PersonalIdentityNumber actual = PersonalIdentityNumber.parse(input, TODAY);
            if (!actual.equals(expected)) {
                failures.add(input + ": parsed as " + actual.value() + ", expected " + expected.value());
            }
        } catch (InvalidPersonalIdentityNumberException e) {
            failures.add(input + ": " + e.reason());
        }
    }

    private static List<String> readNumbers(String resource) throws IOException {
        try (InputStream in = PersonalIdentityNumberTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                return reader.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty()).toList();
            }
        }
    }

    private static void assertReason(String input, Reason reason) {
        assertReason(input, TODAY, reason);
    }

    private static void assertReason(String input, LocalDate today, Reason reason) {
        assertThatThrownBy(() -> PersonalIdentityNumber.parse(input, today))
                .isInstanceOfSatisfying(InvalidPersonalIdentityNumberException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
