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

    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    AuditEntries(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
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
     * Walks the chain in id order: each row's hash must be the hash of its own content, its prev_hash the hash of the
     * row before, and a sealed row's seal the HMAC of its personal fields under the person's key (a forgotten
     * person's row has neither fields nor key: only its hash is checked). The first row continues from the genesis or
     * from a signed checkpoint the log was removed up to. Every published checkpoint that is still in the kept log
     * must name a row with its hash and count (ADR 0010). Streams, so that a long log need not fit in memory.
     */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var published = checkpoints.published();
        int forged = (int) published.stream().filter(p -> !p.signatureValid()).count();
        var signed = published.stream().filter(Checkpoints.Published::signatureValid)
                .map(Checkpoints.Published::checkpoint).toList();
        var byLastId = new java.util.HashMap<Long, List<Checkpoint>>();
        signed.forEach(c -> byLastId.computeIfAbsent(c.lastId(), k -> new ArrayList<>()).add(c));
        var walk = new Object() {
            String previous;
            long entries;
            long counted;
            long baseLastId;
            long forgotten;
            Long firstBroken;
            boolean unanchored;
            int compared;
            Checkpoint disagreeing;
            final java.util.Set<Long> met = new java.util.HashSet<>();
        };
        jdbc.sql("""
                SELECT a.id, a.prev_hash, a.hash, audit_entry_hash(a) AS expected,
                       a.seal IS NULL
                         OR (a.person_id IS NULL AND k.key IS NULL AND a.purpose IS NULL AND a.consent_id IS NULL
                             AND a.detail IS NULL)
                         OR a.seal = audit_entry_seal(a, k.key) AS sealed,
                       a.seal IS NOT NULL AND a.person_id IS NULL AS forgotten
                  FROM audit_entry a LEFT JOIN audit_person_key k ON k.person_id = a.person_id
                 ORDER BY a.id""")
                .query(rs -> {
                    long id = rs.getLong("id");
                    String prev = rs.getString("prev_hash");
                    if (walk.previous == null) {
                        // the start: the genesis, or a signed checkpoint the rows before were removed up to
                        walk.previous = prev;
                        if (!prev.equals(GENESIS)) {
                            var base = signed.stream().filter(c -> c.hash().equals(prev) && c.lastId() < id)
                                    .findFirst();
                            walk.unanchored = base.isEmpty();
                            walk.counted = base.map(Checkpoint::entries).orElse(0L);
                            walk.baseLastId = base.map(Checkpoint::lastId).orElse(id - 1);
                        }
                    }
                    walk.entries++;
                    walk.counted++;
                    if (rs.getBoolean("forgotten")) {
                        walk.forgotten++;
                    }
                    if (walk.firstBroken == null && (!prev.equals(walk.previous)
                            || !rs.getString("hash").equals(rs.getString("expected")) || !rs.getBoolean("sealed"))) {
                        walk.firstBroken = id;
                    }
                    walk.previous = rs.getString("hash");
                    for (Checkpoint c : byLastId.getOrDefault(id, List.of())) {
                        walk.met.add(id);
                        walk.compared++;
                        if (walk.disagreeing == null && (!c.hash().equals(walk.previous) || c.entries() != walk.counted)) {
                            walk.disagreeing = c;
                        }
                    }
                });
        // a checkpoint in the kept part of the log whose row is gone: removed, or the head rolled back
        for (Checkpoint c : signed) {
            if (c.lastId() > walk.baseLastId && !walk.met.contains(c.lastId())) {
                walk.compared++;
                if (walk.disagreeing == null) {
                    walk.disagreeing = c;
                }
            }
        }
        boolean valid = walk.firstBroken == null && !walk.unanchored && walk.disagreeing == null && forged == 0;
        return new ChainVerification(valid, walk.entries, walk.firstBroken, walk.forgotten, walk.compared,
                walk.disagreeing == null ? null : walk.disagreeing.lastId(),
                walk.disagreeing == null ? null : walk.disagreeing.at(), forged, walk.unanchored);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", java.time.OffsetDateTime.class),
                rs.getString("username"), OrganisationId.ofNullable((Long) rs.getObject("organisation_id")),
                rs.getString("role"),
                rs.getObject("person_id", UUID.class), AuditAction.valueOf(rs.getString("action")),
                rs.getString("purpose"), rs.getObject("consent_id", UUID.class), rs.getString("detail"));
    }
}
