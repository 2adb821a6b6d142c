package se.lots.federation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The förbund's money in one year: its annual budget (null until set) against what the board decided (every grant of
 * the year, programmes and structural activities), each programme's line and the structural activities' grants.
 */
public record FederationYear(long federationId, String federationName, int year, AnnualBudget budget,
        BigDecimal decided, List<ProgrammeLine> programmes, List<StructuralGrant> structural) {

    /** The förbund's budget for a year, in total and per area; {@code version} for optimistic locking. */
    public record AnnualBudget(BigDecimal total, List<Area> areas, int version) {

        /** The part of the total no area has. */
        public BigDecimal unallocated() {
            return total.subtract(areas.stream().map(Area::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    public record Area(String area, BigDecimal amount) {
    }

    /** A grant for a structural activity (staff training, an event): no programme, the application names it. */
    public record StructuralGrant(long decisionId, long applicationId, BigDecimal amount, LocalDate decidedOn) {
    }

    /** The annual budget less what is decided; null without a budget. */
    public BigDecimal remaining() {
        return budget == null ? null : budget.total().subtract(decided);
    }

    public List<ProgrammeLine> warnings() {
        return programmes.stream().filter(p -> p.overGrant() || p.aheadOfPayments()).toList();
    }
}
