package se.lots.plan.meeting;

import java.util.List;

/**
 * Which participating organisations are covered by an active consent (scope PLAN) from the record's holder, and
 * which are not. The holder itself needs no consent and is in {@code covered} with a null consent id.
 */
public record CoverageCheck(long holderOrganisationId, List<Meeting.Party> covered, List<Meeting.Party> missing) {

    public boolean complete() {
        return missing.isEmpty();
    }

    public String missingNames() {
        return String.join(", ", missing.stream().map(Meeting.Party::name).toList());
    }
}
