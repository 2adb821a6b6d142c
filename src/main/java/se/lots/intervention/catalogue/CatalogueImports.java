package se.lots.intervention.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of catalogue imports, and the file kept between preview and confirmation. */
@Repository
class CatalogueImports {

    /** One import as the import page lists it. */
    public record ImportRecord(UUID id, String fileName, String uploadedBy, OffsetDateTime uploadedAt, int rowCount,
            int added, int changed, int unchanged, int errors, String confirmedBy, OffsetDateTime confirmedAt) {
    }

    record Kept(UUID id, String fileName, byte[] content, boolean confirmed) {
    }

    private final JdbcClient jdbc;

    CatalogueImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String fileName, byte[] content, long userId) {
        jdbc.sql("INSERT INTO intervention_import (id, file_name, content, uploaded_by) VALUES (?, ?, ?, ?)")
                .params(id, fileName, content, userId).update();
    }

    Optional<Kept> byId(UUID id) {
        return jdbc.sql("SELECT id, file_name, content, confirmed_at IS NOT NULL AS confirmed FROM intervention_import"
                + " WHERE id = ?").param(id)
                .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3),
                        rs.getBoolean(4)))
                .optional();
    }

    void counts(UUID id, CatalogueImportPreview p) {
        jdbc.sql("""
                UPDATE intervention_import SET row_count = ?, added = ?, changed = ?, unchanged = ?, errors = ?
                 WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(), p.errors().size(), id)
                .update();
    }

    /** Marks the import done; false if it already was (a second click). */
    boolean confirm(UUID id, long userId) {
        return jdbc.sql("""
                UPDATE intervention_import SET confirmed_by = ?, confirmed_at = now()
                 WHERE id = ? AND confirmed_at IS NULL""").params(userId, id).update() == 1;
    }

    List<ImportRecord> recent(int limit) {
        return jdbc.sql("""
                SELECT i.id, i.file_name, u.display_name AS uploaded_by, i.uploaded_at, i.row_count, i.added,
                       i.changed, i.unchanged, i.errors, c.display_name AS confirmed_by, i.confirmed_at
                  FROM intervention_import i JOIN organisation_staff u ON u.id = i.uploaded_by
                  LEFT JOIN organisation_staff c ON c.id = i.confirmed_by
                 ORDER BY i.uploaded_at DESC LIMIT ?""").param(limit).query(ImportRecord.class).list();
    }
}
