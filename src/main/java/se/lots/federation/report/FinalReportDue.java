package se.lots.federation.report;

import java.time.LocalDate;

import se.lots.organisation.OrganisationId;

/**
 * A final report due: the programme ended (or ends within 30 days) and its report is not locked. Due one month after
 * the end (seed 002: "senast en månad efter avslutad insats"); {@code status} null when nothing is saved yet.
 */
public record FinalReportDue(long programmeId, String programmeName, String caseNumber, OrganisationId ownerId,
        String ownerName, LocalDate endsOn, LocalDate dueOn, FinalReport.Status status, boolean overdue) {
}
