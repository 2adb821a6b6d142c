package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.Instant;

/** The officer's proposal (förslag till beslut), as proposed; {@code supersedesId} the one it follows. */
public record FundingProposal(long id, long applicationId, DecisionOutcome outcome, BigDecimal amount, String reasoning,
        Long supersedesId, String proposedByName, Instant proposedAt) {
}
