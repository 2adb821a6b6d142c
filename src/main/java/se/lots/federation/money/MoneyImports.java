package se.lots.federation.money;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.shared.imports.Importer;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.KeptFiles;

/** The record of every import of use (who, when, what it did), and the file until it is confirmed or discarded. */
@Repository
class MoneyImports implements KeptFiles<UseChanges> {

    /** One import as the import page lists it; {@code state} PREVIEWED, CONFIRMED or DISCARDED. */
    public record UseImportRecord(UUID id, String fileName, String state, int total, int added, int changed,
            int unchanged, int withErrors, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    MoneyImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UUID keep(Importer who, String fileName, byte[] content, String sha256) {
        return jdbc.sql("""
                INSERT INTO federation_money_import (federation_id, file_name, content, content_sha256, state,
                                                     uploaded_by)
                VALUES (?, ?, ?, ?, 'PREVIEWED', ?) RETURNING id""")
                .params(who.organisationId(), fileName, content, sha256, who.userId()).query(UUID.class).single();
    }

    @Override
    public Optional<KeptFile> find(UUID id) {
        return jdbc.sql("SELECT id, federation_id, file_name, content FROM federation_money_import"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id)
                .query((rs, n) -> new KeptFile(rs.getObject("id", UUID.class), rs.getLong("federation_id"),
                        rs.getString("file_name"), rs.getBytes("content"), false))
                .optional();
    }

    @Override
    public void counts(UUID id, UseChanges changes) {
        UsePreview p = changes.preview();
        jdbc.sql("""
                UPDATE federation_money_import SET rows_total = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
                       rows_with_errors = ? WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(),
                        (int) p.errors().stream().mapToInt(e -> e.row()).distinct().count(), id)
                .update();
    }

    @Override
    public boolean confirm(UUID id, UseChanges changes, long userId) {
        return jdbc.sql("""
                UPDATE federation_money_import SET state = 'CONFIRMED', content = NULL, confirmed_by = ?,
                       confirmed_at = now()
                 WHERE id = ? AND state = 'PREVIEWED'""").params(userId, id).update() == 1;
    }

    @Override
    public boolean discard(UUID id) {
        return jdbc.sql("UPDATE federation_money_import SET state = 'DISCARDED', content = NULL"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id).update() == 1;
    }

    List<UseImportRecord> recent(long federationId, int limit) {
        return jdbc.sql("""
                SELECT i.id, i.file_name, i.state, i.rows_total, i.rows_new, i.rows_changed, i.rows_unchanged,
                       i.rows_with_errors, u.display_name AS uploader, i.uploaded_at
                  FROM federation_money_import i JOIN organisation_staff u ON u.id = i.uploaded_by
                 WHERE i.federation_id = ? ORDER BY i.uploaded_at DESC LIMIT ?""")
                .params(federationId, limit)
                .query((rs, n) -> new UseImportRecord(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("state"), rs.getInt("rows_total"), rs.getInt("rows_new"),
                        rs.getInt("rows_changed"), rs.getInt("rows_unchanged"), rs.getInt("rows_with_errors"),
                        rs.getString("uploader"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
