package se.lots.federation.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a final report, as texts the way the report prints them: the participants in the programme's whole
 * period (total, women, men), the funder report's tables the seed's charts show (age and gender, occupation and income
 * before and after, the Finsam counts) and the programme goals' computed values. {@code suppressed}: counts 1–4 are
 * "&lt;5" and cells that would give one away "..", as in every figure that leaves the programme lead's view.
 */
public record FinalReportFigures(LocalDate from, LocalDate to, boolean suppressed, String participants, String women,
        String men, List<FinalReportTable> tables, List<FinalReportIndicator> indicators) {

    /** A table: {@code cells} by row then column; the totals null where a person can count in several rows. */
    public record FinalReportTable(String key, String title, List<String> rows, List<String> columns, List<List<String>> cells,
            List<String> rowTotals, List<String> columnTotals, String total) {

        /** A total per row: not where a person can count in several rows. */
        public boolean hasRowTotals() {
            return rowTotals != null;
        }

        /** A total row: not where the rows are measures that overlap (the Finsam table). */
        public boolean hasTotalRow() {
            return columnTotals != null;
        }
    }

    /** A programme goal of the progression module: its text, target and computed value ("..": hidden), met or not. */
    public record FinalReportIndicator(long goalId, String text, String target, String value, String met) {
    }

    /** The indicator of the programme goal with this id as a form holds it (text), or null. */
    public FinalReportIndicator indicatorOf(String goalId) {
        try {
            return goalId == null || goalId.isBlank() ? null : indicator(Long.valueOf(goalId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public FinalReportIndicator indicator(Long goalId) {
        return goalId == null ? null
                : indicators.stream().filter(i -> i.goalId() == goalId).findFirst().orElse(null);
    }
}
