package se.lots.plan.referral;

import se.lots.organisation.OrganisationId;

/**
 * Referrals to one receiving organisation (and unit): how many were sent, started, completed, left unanswered past
 * the response time, and the median and mean days from sent to started.
 */
public record WaitingTime(OrganisationId toOrganisationId, String toOrganisationName, Long toUnitId, String toUnitName,
        long sent, long started, long completed, long unanswered, Double medianDays, Double meanDays) {
}
