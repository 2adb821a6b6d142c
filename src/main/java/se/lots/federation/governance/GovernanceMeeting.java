package se.lots.federation.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import se.lots.federation.application.BoardDecision;
import se.lots.organisation.OrganisationId;

/**
 * A meeting as recorded: when and where, who took part, the agenda in order with each item's statement, minutes and
 * (at the board) decisions; approved (justerat) and then locked once {@code approvedAt} is set.
 */
public record GovernanceMeeting(long id, OrganisationId federationId, String federationName, GoverningBody body,
        LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place, String createdByName,
        String approvedByName, Instant approvedAt, int version, List<MeetingParticipant> participants,
        List<AgendaItem> items) {

    public record MeetingParticipant(long id, String name, OrganisationId organisationId, String organisationName,
            String role, boolean present) {
    }

    public record AgendaItem(long id, int position, String heading, Long applicationId, String applicationTitle,
            Long programmeId, String programmeName, String statement, String minutes, List<BoardDecision> decisions,
            Long currentDecisionId) {
    }

    public boolean locked() {
        return approvedAt != null;
    }
}
