package se.lots.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.organisation.OrganisationId;

/** Reads the log for the auditor: search, emergency accesses, and the walk of the hash chain. */
@Repository
public class AuditEntries {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final String COLUMNS =
            "id, at, username, organisation_id, role, person_id, action, purpose, consent_id, detail";

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query, int limit, int offset) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE true");
        var params = new ArrayList<Object>();
        where(query, sql, params);
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(AuditEntries::entry).list();
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

    /** What the auditor's start panel lists of a kind: how many entries there are and the newest few. */
    public record Newest(long count, List<AuditEntry> first) {
    }

    /**
     * Reads and exports of persons with protected identity since {@code from}, newest first: the accesses an auditor
     * follows up first. The persons come from the registry's published view; the log itself names no person's data.
     */
    @Transactional(readOnly = true)
    public Newest protectedIdentityReads(LocalDate from, int first) {
        // from the few protected persons to their log entries (index on person_id, at), not from a week of the log
        return newest("""
                FROM audit_entry a
                 WHERE a.person_id IN (SELECT y.id FROM registry_person y WHERE y.protected_identity)
                   AND a.action IN ('READ', 'EXPORT') AND a.at >= ?""", from, first);
    }

    /** Emergency accesses (nödåtkomst) since {@code from}, newest first. */
    @Transactional(readOnly = true)
    public Newest emergencyAccessesSince(LocalDate from, int first) {
        return newest("FROM audit_entry a WHERE a.action = 'BREAK_GLASS' AND a.at >= ?", from, first);
    }

    /** Protected identities set or lifted since {@code from}, newest first; each entry's detail is the reason. */
    @Transactional(readOnly = true)
    public Newest protectedIdentityChangesSince(LocalDate from, int first) {
        return newest("""
                FROM audit_entry a
                 WHERE a.action IN ('PROTECTED_IDENTITY_SET', 'PROTECTED_IDENTITY_LIFTED') AND a.at >= ?""", from,
                first);
    }

    private Newest newest(String fromWhere, LocalDate from, int first) {
        var since = from.atStartOfDay(SWEDEN).toOffsetDateTime();
        long count = jdbc.sql("SELECT count(*) " + fromWhere).param(since).query(Long.class).single();
        List<AuditEntry> entries = count == 0 ? List.of()
                : jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "a.$1") + " " + fromWhere
                        + " ORDER BY a.id DESC LIMIT ?").params(since, first).query(AuditEntries::entry).list();
        return new Newest(count, entries);
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
                rs.getString("username"), OrganisationId.ofNullable((Long) rs.getObject("organisation_id")),
                rs.getString("role"),
                rs.getObject("person_id", UUID.class), AuditAction.valueOf(rs.getString("action")),
                rs.getString("purpose"), rs.getObject("consent_id", UUID.class), rs.getString("detail"));
    }
}
