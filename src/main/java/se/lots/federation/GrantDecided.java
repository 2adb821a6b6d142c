package se.lots.federation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The board granted money (beviljat or delvis beviljat): for a programme ({@code programmeId}) or a structural
 * activity without participants ({@code programmeId} null, {@code applicationId} names it), for one budget year.
 * Published in the deciding transaction; the money feature books the grant from it.
 */
public record GrantDecided(long federationId, long decisionId, long applicationId, Long programmeId, int year,
        BigDecimal amount, LocalDate decidedOn) {
}
