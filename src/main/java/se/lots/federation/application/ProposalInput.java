package se.lots.federation.application;

/**
 * The officer's proposal: outcome, amount (for granting outcomes), reasoning; {@code currentProposalId} is the
 * proposal the officer saw as the newest (none: null), so that a proposal is never followed unseen.
 */
public record ProposalInput(String outcome, String amount, String reasoning, Long currentProposalId) {
}
