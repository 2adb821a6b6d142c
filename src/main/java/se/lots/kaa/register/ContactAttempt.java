package se.lots.kaa.register;

import java.time.LocalDate;
import java.util.UUID;

public record ContactAttempt(UUID id, UUID personId, ContactChannel channel, LocalDate contactedOn, long staffUserId,
        String staffName, ContactOutcome outcome, boolean withGuardian, String note) {
}
