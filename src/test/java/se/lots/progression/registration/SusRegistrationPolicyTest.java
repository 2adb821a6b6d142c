package se.lots.progression.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** SUS's week either side of the start or the discharge, worked out by hand on a calendar. */
class SusRegistrationPolicyTest {

    private static final LocalDate STARTED = LocalDate.of(2026, 3, 10);

    @Test
    void aMeasurementOnTheDayOfTheStartIsWithinTheWeek() {
        assertThat(SusRegistrationPolicy.withinWindow(STARTED, STARTED)).isTrue();
    }

    @Test
    void aMeasurementSevenDaysBeforeOrAfterIsStillWithinTheWeek() {
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2026, 3, 3), STARTED)).isTrue();
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2026, 3, 17), STARTED)).isTrue();
    }

    @Test
    void aMeasurementEightDaysBeforeOrAfterIsOutsideTheWeek() {
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2026, 3, 2), STARTED)).isFalse();
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2026, 3, 18), STARTED)).isFalse();
    }

    @Test
    void theWeekIsNamedByItsFirstAndLastDayForTheMessage() {
        assertThat(SusRegistrationPolicy.earliest(STARTED)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(SusRegistrationPolicy.latest(STARTED)).isEqualTo(LocalDate.of(2026, 3, 17));
    }

    @Test
    void theWeekReachesBackOverTheTurnOfTheYear() {
        LocalDate discharged = LocalDate.of(2026, 1, 2);
        assertThat(SusRegistrationPolicy.earliest(discharged)).isEqualTo(LocalDate.of(2025, 12, 26));
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2025, 12, 26), discharged)).isTrue();
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2025, 12, 25), discharged)).isFalse();
    }

    @Test
    void theWeekCountsTheLeapDayInFebruary() {
        LocalDate started = LocalDate.of(2028, 3, 3);
        assertThat(SusRegistrationPolicy.earliest(started)).isEqualTo(LocalDate.of(2028, 2, 25));
        assertThat(SusRegistrationPolicy.withinWindow(LocalDate.of(2028, 2, 24), started)).isFalse();
    }

    @Test
    void aWorkExtentIsAtMostFullTime() {
        assertThat(SusRegistrationPolicy.MAX_EXTENT).isEqualTo(100);
    }
}
