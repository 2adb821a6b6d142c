package se.lots.federation.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The förbund's money in one year: its annual budget (null until set) against what the board decided (every grant of
 * the year, programmes and structural activities) and what is left to decide on ({@code remaining}, null without a
 * budget), each programme's line and the structural activities' grants.
 */
public record FederationYear(long federationId, String federationName, int year, AnnualBudget budget,
        BigDecimal decided, BigDecimal remaining, List<ProgrammeLine> programmes, List<StructuralGrant> structural) {

    /**
     * The förbund's budget for a year, in total and per area, and the part of the total no area has;
     * {@code version} for optimistic locking.
     */
    public record AnnualBudget(BigDecimal total, List<Area> areas, BigDecimal unallocated, int version) {

        static AnnualBudget of(BigDecimal total, List<Area> areas, int version) {
            return new AnnualBudget(total, areas, total.subtract(areas.stream().map(Area::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)), version);
        }
    }

    public record Area(String area, BigDecimal amount) {
    }

    /** A grant for a structural activity (staff training, an event): no programme, the application names it. */
    public record StructuralGrant(long decisionId, long applicationId, BigDecimal amount, LocalDate decidedOn) {
    }

    static FederationYear of(long federationId, String federationName, int year, AnnualBudget budget,
            BigDecimal decided, List<ProgrammeLine> programmes, List<StructuralGrant> structural) {
        return new FederationYear(federationId, federationName, year, budget, decided,
                budget == null ? null : budget.total().subtract(decided), programmes, structural);
    }

    /** The programmes whose use ran ahead of their grant or of their payments. */
    public List<ProgrammeLine> warnings() {
        return programmes.stream().filter(p -> p.overGrant() || p.aheadOfPayments()).toList();
    }
}
