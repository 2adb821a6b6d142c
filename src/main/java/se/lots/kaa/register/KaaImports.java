package se.lots.kaa.register;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.kaa.ImportPreview;

/** The record of every import of a school's list: who, when, which file, what it did. */
@Repository
public class KaaImports {

    public enum State { PREVIEWED, CONFIRMED, DISCARDED }

    public record ImportRecord(UUID id, long organisationId, String fileName, State state, int total, int added, int changed,
            int unchanged, int closed, int withErrors, String uploadedBy, Instant uploadedAt, String confirmedBy,
            Instant confirmedAt) {
    }

    public record Pending(UUID id, long organisationId, long uploadedBy, String fileName, byte[] content) {
    }

    private final JdbcClient jdbc;

    KaaImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(long organisationId, String fileName, byte[] content, String sha256, long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_import (organisation_id, file_name, content, content_sha256, state, uploaded_by)
                VALUES (?, ?, ?, ?, 'PREVIEWED', ?) RETURNING id""")
                .params(organisationId, fileName, content, sha256, userId).query(UUID.class).single();
    }

    public Optional<Pending> pending(UUID id) {
        return jdbc.sql("SELECT id, organisation_id, uploaded_by, file_name, content FROM kaa_import"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getLong("organisation_id"),
                        rs.getLong("uploaded_by"), rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    public void counts(UUID id, ImportPreview p) {
        jdbc.sql("""
                UPDATE kaa_import SET rows_total = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
                       rows_closed = ?, rows_with_errors = ? WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(), p.closing().size(),
                        (int) p.errors().stream().mapToInt(ImportPreview.RowError::row).distinct().count(), id)
                .update();
    }

    /** The file itself is dropped once the import is decided: only the record stays. */
    public boolean confirm(UUID id, int closed, long userId) {
        return jdbc.sql("""
                UPDATE kaa_import SET state = 'CONFIRMED', content = NULL, rows_closed = ?, confirmed_by = ?,
                       confirmed_at = now()
                 WHERE id = ? AND state = 'PREVIEWED'""").params(closed, userId, id).update() == 1;
    }

    public boolean discard(UUID id) {
        return jdbc.sql("UPDATE kaa_import SET state = 'DISCARDED', content = NULL WHERE id = ? AND state = 'PREVIEWED'")
                .param(id).update() == 1;
    }

    Optional<UUID> lastConfirmed(long organisationId) {
        return jdbc.sql("SELECT id FROM kaa_import WHERE organisation_id = ? AND state = 'CONFIRMED'"
                + " ORDER BY confirmed_at DESC LIMIT 1").param(organisationId).query(UUID.class).optional();
    }

    public List<ImportRecord> recent(long organisationId, int limit) {
        return jdbc.sql("""
                SELECT i.id, i.organisation_id, i.file_name, i.state, i.rows_total, i.rows_new, i.rows_changed,
                       i.rows_unchanged, i.rows_closed, i.rows_with_errors, u.display_name AS uploader, i.uploaded_at,
                       c.display_name AS confirmer, i.confirmed_at
                  FROM kaa_import i JOIN organisation_staff u ON u.id = i.uploaded_by
                  LEFT JOIN organisation_staff c ON c.id = i.confirmed_by
                 WHERE i.organisation_id = ? ORDER BY i.uploaded_at DESC LIMIT ?""")
                .params(organisationId, limit)
                .query((rs, n) -> new ImportRecord(rs.getObject("id", UUID.class), rs.getLong("organisation_id"),
                        rs.getString("file_name"), State.valueOf(rs.getString("state")), rs.getInt("rows_total"),
                        rs.getInt("rows_new"), rs.getInt("rows_changed"), rs.getInt("rows_unchanged"),
                        rs.getInt("rows_closed"), rs.getInt("rows_with_errors"), rs.getString("uploader"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("confirmer"),
                        rs.getObject("confirmed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("confirmed_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
