package se.lots.kaa.earlywarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ProblematicAbsencePolicyTest {

    private static final BigDecimal FIFTEEN = new BigDecimal("15");

    @Test
    void absenceExactlyAtTheThresholdIsFlagged() {
        assertThat(ProblematicAbsencePolicy.flagged(new BigDecimal("15.00"), false, FIFTEEN)).isTrue();
    }

    @Test
    void absenceJustBelowTheThresholdIsNotFlagged() {
        assertThat(ProblematicAbsencePolicy.flagged(new BigDecimal("14.99"), false, FIFTEEN)).isFalse();
    }

    @Test
    void theSchoolsRiskFlagIsFlaggedWhateverTheAbsence() {
        assertThat(ProblematicAbsencePolicy.flagged(BigDecimal.ZERO, true, FIFTEEN)).isTrue();
    }

    @Test
    void aLowerConfiguredThresholdFlagsLowerAbsence() {
        assertThat(ProblematicAbsencePolicy.flagged(new BigDecimal("10"), false, new BigDecimal("10"))).isTrue();
    }
}
