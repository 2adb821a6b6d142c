package se.lots.progression;

import java.time.LocalDate;
import java.util.List;

import se.lots.plan.Programme;

/**
 * The funder's report of a programme for a period. {@code suppressed}: every count 1–4 is shown as "&lt;5" and
 * further cells hidden so that none can be worked out from the totals — always in the PDF and xlsx, and on the page
 * for roles that may not see individuals. {@code chartFor} holds the server-side SVG for the start/end tables.
 */
public record FunderReport(Programme programme, LocalDate from, LocalDate to, boolean suppressed,
        ReportTable registered, ReportTable discharged, ReportTable occupations, ReportTable incomes,
        ReportTable transfers, ReportTable finsam, List<GoalResult> goals, String equality, String lessons) {

    public List<ReportTable> tables() {
        return List.of(registered, discharged, occupations, incomes, transfers, finsam);
    }

    public boolean allGoalsMet() {
        return !goals.isEmpty() && goals.stream().allMatch(GoalResult::met);
    }
}
