package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One student's absence at one school over one period, as the school reported it. */
public record SchoolSignal(UUID id, UUID personId, String school, String schoolMunicipality, String programme,
        LocalDate periodStart, LocalDate periodEnd, BigDecimal absencePercent, boolean dropoutRisk) {

    /** "2026-10" for a calendar month, otherwise "2026-10-05 – 2026-10-30". */
    public String period() {
        if (periodStart.getDayOfMonth() == 1 && periodEnd.equals(periodStart.withDayOfMonth(periodStart.lengthOfMonth()))) {
            return periodStart.toString().substring(0, 7);
        }
        return periodStart + " – " + periodEnd;
    }

    /** The same school and period: a second report corrects the first. */
    String key() {
        return personId + "|" + school + "|" + periodStart + "|" + periodEnd;
    }
}
