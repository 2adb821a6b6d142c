package se.lots.consent;

import java.time.Instant;
import java.util.UUID;

public record EmergencyAccess(long id, UUID personId, long userId, String reason, Instant grantedAt,
        Instant expiresAt) {
}
