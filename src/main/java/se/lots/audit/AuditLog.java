package se.lots.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.security.Actor;

@Service
public class AuditLog {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String COLUMNS =
            "id, at, username, organisation_id, role, person_id, action, purpose, consent_id, detail";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: if the change is rolled back, so is its audit entry. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, UUID personId, AuditAction action, AccessBasis basis, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')""")
                .params(actor.username(), actor.organisationId(), actor.role().name(), personId, action.name(),
                        basis == null ? null : basis.purpose(), basis == null ? null : basis.consentId(), detail)
                .update();
    }

    /** One entry per person shown, so that each person's access history lists the searches they appeared in. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEach(Actor actor, Collection<UUID> personIds, AuditAction action, AccessBasis basis,
            String detail) {
        if (personIds.isEmpty()) {
            record(actor, null, action, basis, detail);
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                SELECT ?, ?, ?, p, ?, ?, ?, ?, '', '' FROM unnest(?::uuid[]) WITH ORDINALITY AS t(p, n) ORDER BY n""")
                .params(actor.username(), actor.organisationId(), actor.role().name(), action.name(),
                        basis == null ? null : basis.purpose(), basis == null ? null : basis.consentId(), detail,
                        personIds.toArray(UUID[]::new))
                .update();
    }

    /** As {@link #recordEach}, but nothing at all when there is nobody (an import that changed nobody). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEachIfAny(Actor actor, Collection<UUID> personIds, AuditAction action, AccessBasis basis,
            String detail) {
        if (!personIds.isEmpty()) {
            recordEach(actor, personIds, action, basis, detail);
        }
    }

    /**
     * A change made by Lots itself on a schedule (no user, no role), e.g. closing KAA episodes at the twentieth
     * birthday; {@code system} names the job, as "system:…", so that the person's access history says what did it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEachBySystem(String system, long organisationId, Collection<UUID> personIds,
            AuditAction action, AccessBasis basis, String detail) {
        if (!system.startsWith("system:")) {
            throw new IllegalArgumentException("a system job is named system:…");
        }
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                SELECT ?, ?, NULL, p, ?, ?, ?, ?, '', '' FROM unnest(?::uuid[]) WITH ORDINALITY AS t(p, n) ORDER BY n""")
                .params(system, organisationId, action.name(), basis == null ? null : basis.purpose(),
                        basis == null ? null : basis.consentId(), detail, personIds.toArray(UUID[]::new))
                .update();
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query, int limit, int offset) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE true");
        var params = new ArrayList<Object>();
        where(query, sql, params);
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
    }

    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        var sql = new StringBuilder("SELECT count(*) FROM audit_entry WHERE true");
        var params = new ArrayList<Object>();
        where(query, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static void where(AuditQuery q, StringBuilder sql, List<Object> params) {
        if (q.personId() != null) {
            sql.append(" AND person_id = ?");
            params.add(q.personId());
        }
        if (q.username() != null && !q.username().isBlank()) {
            sql.append(" AND username = ?");
            params.add(q.username().trim());
        }
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            params.add(q.from().atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            params.add(q.to().plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime());
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            params.add(q.action().name());
        }
    }

    /** Every emergency access in a period, for the auditor's follow-up. */
    @Transactional(readOnly = true)
    public List<AuditEntry> emergencyAccesses(LocalDate from, LocalDate to) {
        return search(new AuditQuery(null, null, from, to, AuditAction.BREAK_GLASS), 500, 0);
    }

    /**
     * Walks the chain in id order: each row's hash must be the hash of its own content, and its prev_hash the
     * hash of the row before. Streams so that a long log does not have to fit in memory.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var walk = new Object() {
            String previous = "0".repeat(64);
            long entries;
            Long firstBroken;
        };
        jdbc.sql("SELECT id, prev_hash, hash, audit_entry_hash(a) AS expected FROM audit_entry a ORDER BY id")
                .query(rs -> {
                    walk.entries++;
                    if (walk.firstBroken == null && (!rs.getString("prev_hash").equals(walk.previous)
                            || !rs.getString("hash").equals(rs.getString("expected")))) {
                        walk.firstBroken = rs.getLong("id");
                    }
                    walk.previous = rs.getString("hash");
                });
        return new ChainVerification(walk.firstBroken == null, walk.entries, walk.firstBroken);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", java.time.OffsetDateTime.class),
                rs.getString("username"), (Long) rs.getObject("organisation_id"), rs.getString("role"),
                rs.getObject("person_id", UUID.class), AuditAction.valueOf(rs.getString("action")),
                rs.getString("purpose"), rs.getObject("consent_id", UUID.class), rs.getString("detail"));
    }
}
