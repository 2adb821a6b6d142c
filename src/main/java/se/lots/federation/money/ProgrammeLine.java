package se.lots.federation.money;

import java.math.BigDecimal;

/**
 * One programme's money in one year: budgeted (all funders), granted by the board, paid out, used (the quarters
 * entered so far) and returned. {@code overGrant}: more used than granted — a warning; {@code aheadOfPayments}: more
 * used than paid out less returned — a softer notice.
 */
public record ProgrammeLine(long programmeId, String name, String caseNumber, String ownerName, int year,
        BigDecimal budgeted, BigDecimal granted, BigDecimal paid, BigDecimal used, BigDecimal returned) {

    /** What is left of the grant after the use so far (negative when the use ran ahead of it). */
    public BigDecimal remaining() {
        return granted.subtract(used);
    }

    public boolean overGrant() {
        return used.compareTo(granted) > 0;
    }

    public boolean aheadOfPayments() {
        return used.compareTo(paid.subtract(returned)) > 0;
    }
}
