package se.lots.federation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.lots.organisation.OrganisationId;

/**
 * A programme's final report to the förbund, every field of the form "Slutrapport samverkansinsatser inom
 * samordningsförbundet" (seed 002). The programme's facts come from the förbund's records (name, diarienummer, owner,
 * parties, period, and as the application described them purpose, target group, method and expected participants);
 * the texts are the programme lead's, drafted from those facts until the lead saves. {@code figures} null when the
 * reader may not see them yet (a party's user before the report is submitted).
 */
public record FinalReport(long programmeId, String programmeName, String caseNumber, OrganisationId ownerId,
        String ownerName, OrganisationId federationId, String federationName, LocalDate startsOn, LocalDate endsOn,
        LocalDate dueOn, Status status, boolean saved, int version, FinalReportTexts texts, List<FinalReportGoal> goals,
        List<FinalReportParty> parties, FinalReportFigures figures, Instant submittedAt, String submittedByName) {

    public enum Status { DRAFT, SUBMITTED, LOCKED }

    /** The lead's texts and amounts, field by field of the form. */
    public record FinalReportTexts(String purpose, String equality, String needChange, String targetGroup,
            String expectedParticipants, String targetGroupChange, String methods, String followUp,
            String ordinaryWork, BigDecimal moneyGranted, BigDecimal moneyUsed, BigDecimal moneyReturned,
            String returnedWhy, String returnedConsequences, String experiences) {
    }

    /** A goal set for the programme: the lead's text, achieved, the outcome, and a linked programme goal's id. */
    public record FinalReportGoal(String goal, Boolean achieved, String outcome, Long programmeGoalId) {
    }

    /**
     * A participating party (the owner among them): its lessons and its signature, when given: by a programme lead of
     * the party ({@code recorded} false) or recorded by the owner's lead for a party without users in Lots.
     */
    public record FinalReportParty(OrganisationId organisationId, String name, boolean owner, boolean hasUsers, String lessons,
            FinalReportSignature signature) {

        public boolean signed() {
            return signature != null;
        }
    }

    public record FinalReportSignature(String name, String email, LocalDate signedOn, boolean recorded) {
    }

    public boolean draft() {
        return status == Status.DRAFT;
    }

    public boolean locked() {
        return status == Status.LOCKED;
    }

    public long signedParties() {
        return parties.stream().filter(FinalReportParty::signed).count();
    }
}
