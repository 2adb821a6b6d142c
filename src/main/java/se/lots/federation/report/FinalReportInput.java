package se.lots.federation.report;

import java.util.List;
import java.util.Map;

/**
 * What the programme lead writes into the final report, as typed (amounts in kronor as text, so that the service can
 * name a wrong one in Swedish). {@code lessons} by the participating organisation's id; {@code version} the report's
 * version the form was loaded with (0 for a report not yet saved).
 */
public record FinalReportInput(Integer version, String purpose, String equality, String needChange,
        String targetGroup, String expectedParticipants, String targetGroupChange, String methods, String followUp,
        String ordinaryWork, String moneyGranted, String moneyUsed, String moneyReturned, String returnedWhy,
        String returnedConsequences, String experiences, List<FinalReportGoalLine> goals, Map<Long, String> lessons) {

    /** One goal: {@code achieved} "JA", "NEJ" or blank; {@code programmeGoalId} a programme goal's id or blank. */
    public record FinalReportGoalLine(String goal, String achieved, String outcome, String programmeGoalId) {
    }
}
