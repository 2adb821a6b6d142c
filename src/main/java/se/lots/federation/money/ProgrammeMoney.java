package se.lots.federation.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme's money page for one year: its line ({@link ProgrammeLine}), and what makes it up. {@code officer} is
 * whether the viewer is the förbund's officer (who enters everything; the programme lead enters use only).
 */
public record ProgrammeMoney(ProgrammeLine line, boolean officer, List<FunderShare> funders, List<BudgetLine> budget,
        List<Grant> grants, List<Payment> payments, List<QuarterUse> uses, List<Return> returns) {

    /** One of the programme's funders (federation_programme_funder), as a budget line can name it. */
    public record FunderShare(long id, String name, BigDecimal sharePercent) {
    }

    public record BudgetLine(long id, int year, String funder, BigDecimal amount) {
    }

    public record Grant(long decisionId, int year, BigDecimal amount, LocalDate decidedOn) {
    }

    public record Payment(long id, LocalDate paidOn, BigDecimal amount, String note) {
    }

    public record QuarterUse(int year, int quarter, BigDecimal amount, boolean imported, int version, Instant enteredAt) {
    }

    public record Return(long id, LocalDate returnedOn, BigDecimal amount, String reason) {
    }
}
