package se.lots.plan.meeting;

import java.util.List;

/**
 * A new meeting as typed or sent to the API. {@code organisationIds} are the participating organisations (the
 * convening organisation, the actor's, is always added); dates are ISO (ÅÅÅÅ-MM-DD).
 */
public record MeetingInput(String kind, String heldOn, Boolean youngPersonPresent, Boolean guardianPresent,
        List<String> organisationIds, List<Meeting.Participant> participants, String minutes) {
}
