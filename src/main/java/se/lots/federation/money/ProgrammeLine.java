package se.lots.federation.money;

import java.math.BigDecimal;

/**
 * One programme's money in one year: budgeted (all funders), granted by the board, paid out, used (the quarters
 * entered so far) and returned; {@code remaining} of the grant after the use (negative when the use ran ahead of it).
 * {@code overGrant}: more used than granted — a warning; {@code aheadOfPayments}: more used than paid out less
 * returned — a softer notice.
 */
public record ProgrammeLine(long programmeId, String name, String caseNumber, String ownerName, int year,
        BigDecimal budgeted, BigDecimal granted, BigDecimal paid, BigDecimal used, BigDecimal returned,
        BigDecimal remaining, boolean overGrant, boolean aheadOfPayments) {

    static ProgrammeLine of(long programmeId, String name, String caseNumber, String ownerName, int year,
            BigDecimal budgeted, BigDecimal granted, BigDecimal paid, BigDecimal used, BigDecimal returned) {
        return new ProgrammeLine(programmeId, name, caseNumber, ownerName, year, budgeted, granted, paid, used,
                returned, granted.subtract(used), used.compareTo(granted) > 0,
                used.compareTo(paid.subtract(returned)) > 0);
    }
}
