package se.lots.plan.meeting;

import java.util.List;

import se.lots.organisation.OrganisationId;

/**
 * Which participating organisations are covered by an active consent (scope PLAN) from the record's holder, and
 * which are not. The holder itself needs no consent and is in {@code covered} with a null consent id.
 */
public record CoverageCheck(OrganisationId holderOrganisationId, List<Meeting.Party> covered,
        List<Meeting.Party> missing) {

    public boolean complete() {
        return missing.isEmpty();
    }

    public String missingNames() {
        return String.join(", ", missing.stream().map(Meeting.Party::name).toList());
    }
}
