package se.lots.plan;

import java.util.UUID;

/** An enrolment (inskrivning) was started, transferred or ended. Published in the writing transaction. */
public record EnrolmentChanged(UUID enrolmentId, UUID personId) {
}
