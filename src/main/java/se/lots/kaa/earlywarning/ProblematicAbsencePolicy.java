package se.lots.kaa.earlywarning;

import java.math.BigDecimal;

// skollagen 15 kap. 15 §: the school tells the home municipality when a student under 20 stays away "i betydande
// omfattning"; Lots reads that as absence at or above the municipality's threshold, or the school's own risk flag.
final class ProblematicAbsencePolicy {

    private ProblematicAbsencePolicy() {
    }

    static boolean flagged(BigDecimal absencePercent, boolean dropoutRisk, BigDecimal thresholdPercent) {
        return dropoutRisk || absencePercent != null && absencePercent.compareTo(thresholdPercent) >= 0;
    }
}
