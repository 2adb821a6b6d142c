package se.lots.federation.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/**
 * An application as submitted, with what followed it: its proposals (the officer's; empty for the lead) and the
 * board's decisions, oldest first, and the status they give it.
 */
public record Application(long id, OrganisationId federationId, String federationName, OrganisationId applicantId,
        String applicantName, ApplicationKind kind, Long programmeId, String programmeName, boolean newProgramme,
        String title, String purpose, String goals, LocalDate periodFrom, LocalDate periodTo, List<YearAmount> budget,
        List<PartyCommitment> parties, String submittedByName, Instant submittedAt, String withdrawnByName,
        Instant withdrawnAt, ApplicationStatus status, List<FundingProposal> proposals, List<BoardDecision> decisions) {

    public record PartyCommitment(OrganisationId organisationId, String name, PartyType partyType, String commitment,
            BigDecimal commitmentAmount) {
    }

    public BigDecimal budgetTotal() {
        return budget.stream().map(YearAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The newest proposal, or null. */
    public FundingProposal currentProposal() {
        return proposals.isEmpty() ? null : proposals.get(proposals.size() - 1);
    }

    /** The decision no later one supersedes, or null. */
    public BoardDecision currentDecision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    }
}
