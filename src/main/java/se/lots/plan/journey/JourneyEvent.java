package se.lots.plan.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import se.lots.organisation.OrganisationId;
import se.lots.plan.JourneyKind;

/** One thing that happened on the young person's journey, for the timeline. */
public record JourneyEvent(long id, UUID personId, OrganisationId organisationId, Long userId, String userName,
        LocalDate occurredOn, Instant recordedAt, JourneyKind kind, String summary, String code, String organisationName, boolean confidential, UUID refId) {

    /**
     * The message key that says the code in words on the timeline: a step's status, a referral's, a meeting's kind,
     * an enrolment's end reason, else {@code journey.code.KIND.CODE}; null without a code.
     */
    public String codeKey() {
        if (code == null) {
            return null;
        }
        return switch (kind) {
            case STEG, STEGSTATUS -> "step.status." + code;
            case REMISS -> "referral.status." + code;
            case UTSKRIVNING -> "enrolment.end." + code;
            case MOTE -> "PROTOKOLL".equals(code) ? "journey.code.MOTE.PROTOKOLL" : "meeting.kind." + code;
            default -> "journey.code." + kind.name() + "." + code;
        };
    }
}
