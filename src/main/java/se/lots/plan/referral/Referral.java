package se.lots.plan.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import se.lots.organisation.OrganisationId;

/** A remiss from one organisation (unit, user) to another, with the consent it uses and when each state was reached. */
public record Referral(UUID id, UUID personId, OrganisationId fromOrganisationId, String fromOrganisationName,
        Long fromUnitId, String fromUnitName, long fromUserId, String fromUserName, OrganisationId toOrganisationId,
        String toOrganisationName,
        Long toUnitId, String toUnitName, String intervention, String reason, String request, UUID consentId,
        ReferralStatus status, String statusReason, Instant sentAt, Instant receivedAt, Instant answeredAt,
        Instant startedAt, Instant endedAt, int version) {

    /** Calendar days from sent to started in {@code zone}; null while not started. */
    public Long waitingDays(ZoneId zone) {
        if (startedAt == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(sentAt, zone), LocalDate.ofInstant(startedAt, zone));
    }

    public LocalDate sentOn(ZoneId zone) {
        return LocalDate.ofInstant(sentAt, zone);
    }
}
