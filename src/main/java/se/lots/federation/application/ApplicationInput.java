package se.lots.federation.application;

import java.util.List;

/**
 * An application as the lead writes it, as text so that the service can name each wrong field in Swedish. For kind
 * PROGRAMME either {@code programmeId} (an existing Finsam programme of the förbund) or {@code newProgrammeName}; the
 * applicant's own organisation is always among the parties. Blank budget and party rows are skipped (a form's empty
 * rows), so an error names the row as it was sent.
 */
public record ApplicationInput(String federationId, String kind, String programmeId, String newProgrammeName,
        String title, String purpose, String goals, String periodFrom, String periodTo, List<YearBudgetInput> budget,
        List<PartyLine> parties) {

    public record YearBudgetInput(String year, String amount) {
    }

    /** A participating organisation and what it commits: free text and optionally an amount. */
    public record PartyLine(String organisationId, String commitment, String commitmentAmount) {
    }
}
