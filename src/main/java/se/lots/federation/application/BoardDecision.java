package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The board's decision on an application at a meeting (its agenda item), as recorded: the amounts granted per year,
 * the conditions and the dates the lead reports on; {@code supersedesId} the decision it follows.
 */
public record BoardDecision(long id, long applicationId, long meetingId, long agendaItemId, DecisionOutcome outcome,
        LocalDate decidedOn, List<YearAmount> grants, String conditions, List<LocalDate> reportingDates,
        Long supersedesId, String recordedByName, Instant recordedAt) {

    public BigDecimal grantedTotal() {
        return grants.stream().map(YearAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
