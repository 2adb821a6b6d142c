package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.lots.kaa.register.KaaTargetGroupPolicy.Candidate;
import se.lots.kaa.register.KaaTargetGroupPolicy.Outcome;
import se.lots.registry.PersonalIdentityNumber;

class KaaTargetGroupPolicyTest {

    private static Candidate born(LocalDate birthDate, SchoolSituation situation) {
        return new Candidate(birthDate, true, true, situation);
    }

    @Test
    void theDayBeforeTheTwentiethBirthdayThePersonIsInTheTargetGroupAndOnItNot() {
        var birth = LocalDate.of(2007, 3, 15);
        var candidate = born(birth, SchoolSituation.LEFT_NATIONAL_PROGRAMME);

        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2027, 3, 14))).isEqualTo(Outcome.IN_TARGET_GROUP);
        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2027, 3, 15))).isEqualTo(Outcome.TWENTY_OR_OLDER);
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryTurnsTwentyOnTheTwentyNinth() {
        // a test personnummer of Skatteverket's, born on a leap day
        var pin = new PersonalIdentityNumber("200802292383");
        var candidate = born(pin.latestPossibleBirthDate(), SchoolSituation.NOT_STARTED);

        assertThat(KaaTargetGroupPolicy.twentiethBirthday(pin.birthDate())).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2028, 2, 28))).isEqualTo(Outcome.IN_TARGET_GROUP);
        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2028, 2, 29))).isEqualTo(Outcome.TWENTY_OR_OLDER);
    }

    @Test
    void aLeapDayBirthdayInACommonYearFallsOnTheFirstOfMarch() {
        assertThat(KaaTargetGroupPolicy.twentiethBirthday(LocalDate.of(2080, 2, 29))).isEqualTo(LocalDate.of(2100, 3, 1));
    }

    @Test
    void aSamordningsnummerWithUnknownDayStaysUntilTheEndOfItsMonth() {
        // 2007-06-60: born in June 2007, day not known
        var pin = new PersonalIdentityNumber("200706602398");
        assertThat(pin.isCoordinationNumber()).isTrue();
        var candidate = born(pin.latestPossibleBirthDate(), SchoolSituation.LEFT_NATIONAL_PROGRAMME);

        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2027, 6, 29))).isEqualTo(Outcome.IN_TARGET_GROUP);
        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2027, 6, 30))).isEqualTo(Outcome.TWENTY_OR_OLDER);
    }

    @Test
    void aSamordningsnummerWithUnknownMonthStaysUntilTheEndOfTheYear() {
        // 2006-00-85: born in 2006 on the 25th of an unknown month
        var pin = new PersonalIdentityNumber("200600852388");
        assertThat(pin.latestPossibleBirthDate()).isEqualTo(LocalDate.of(2006, 12, 25));
    }

    @ParameterizedTest
    @CsvSource({
            "NOT_STARTED, IN_TARGET_GROUP",
            "LEFT_NATIONAL_PROGRAMME, IN_TARGET_GROUP",
            "LEFT_INTRODUCTION_PROGRAMME, IN_TARGET_GROUP",
            "LEFT_WITH_CERTIFICATE, IN_TARGET_GROUP",
            "ATTENDS_NATIONAL_PROGRAMME, ATTENDS_NATIONAL_PROGRAMME",
            "ATTENDS_INTRODUCTION_PROGRAMME, ATTENDS_INTRODUCTION_PROGRAMME",
            "COMPLETED_WITH_DIPLOMA, COMPLETED_UPPER_SECONDARY" })
    void aStudiebevisKeepsThePersonInTheGroupWhileAnExamOrAnyCurrentProgrammeTakesThemOut(SchoolSituation situation,
            Outcome expected) {
        var candidate = born(LocalDate.of(2008, 5, 1), situation);
        assertThat(KaaTargetGroupPolicy.decide(candidate, LocalDate.of(2026, 11, 23))).isEqualTo(expected);
    }

    @Test
    void someoneNotRegisteredInTheMunicipalityOrStillInCompulsorySchoolIsOutside() {
        var today = LocalDate.of(2026, 11, 23);
        var elsewhere = new Candidate(LocalDate.of(2008, 5, 1), false, true, SchoolSituation.NOT_STARTED);
        var stillInCompulsory = new Candidate(LocalDate.of(2010, 5, 1), true, false, SchoolSituation.NOT_STARTED);

        assertThat(KaaTargetGroupPolicy.decide(elsewhere, today)).isEqualTo(Outcome.NOT_REGISTERED_IN_MUNICIPALITY);
        assertThat(KaaTargetGroupPolicy.decide(stillInCompulsory, today))
                .isEqualTo(Outcome.COMPULSORY_SCHOOL_NOT_COMPLETED);
    }

    @Test
    void theRegistrationReasonFollowsFromTheSchoolSituation() {
        assertThat(RegistrationReason.of(SchoolSituation.LEFT_WITH_CERTIFICATE))
                .isEqualTo(RegistrationReason.SLUTAT_MED_STUDIEBEVIS);
        assertThat(RegistrationReason.of(SchoolSituation.LEFT_INTRODUCTION_PROGRAMME))
                .isEqualTo(RegistrationReason.AVBRUTIT_INTRODUKTIONSPROGRAM);
    }
}
