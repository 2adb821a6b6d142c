package se.lots.federation.governance;

import java.util.List;

/**
 * The board's decision on an application on the meeting's agenda: the outcome, per year the amount granted
 * (GRANTED, PARTLY_GRANTED), conditions, the dates the lead reports on; {@code currentDecisionId} the decision the
 * officer saw as current (none: null), which the new one supersedes.
 */
public record DecisionInput(String applicationId, String outcome, List<GrantLine> grants, String conditions,
        List<String> reportingDates, Long currentDecisionId) {

    public record GrantLine(String year, String amount) {
    }
}
