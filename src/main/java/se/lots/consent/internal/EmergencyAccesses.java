package se.lots.consent.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.consent.EmergencyAccess;

@Repository
public class EmergencyAccesses {

    private final JdbcClient jdbc;

    EmergencyAccesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EmergencyAccess insert(UUID personId, long userId, String reason, Instant expiresAt) {
        long id = jdbc.sql("""
                INSERT INTO emergency_access (person_id, user_id, reason, expires_at) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(personId, userId, reason, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .query(Long.class).single();
        return jdbc.sql("SELECT id, person_id, user_id, reason, granted_at, expires_at FROM emergency_access WHERE id = ?")
                .param(id).query(EmergencyAccess.class).single();
    }

    public Optional<EmergencyAccess> active(long userId, UUID personId, Instant now) {
        return jdbc.sql("""
                SELECT id, person_id, user_id, reason, granted_at, expires_at FROM emergency_access
                 WHERE user_id = ? AND person_id = ? AND expires_at > ? ORDER BY expires_at DESC LIMIT 1""")
                .params(userId, personId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query(EmergencyAccess.class).optional();
    }

    public List<UUID> activePersons(long userId, Instant now) {
        return jdbc.sql("SELECT DISTINCT person_id FROM emergency_access WHERE user_id = ? AND expires_at > ?")
                .params(userId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(UUID.class).list();
    }
}
