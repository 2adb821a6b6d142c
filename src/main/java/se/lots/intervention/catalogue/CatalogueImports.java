package se.lots.intervention.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.shared.imports.Importer;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.KeptFiles;

/** The record of catalogue imports, and the file kept between preview and confirmation. */
@Repository
class CatalogueImports implements KeptFiles<CatalogueChanges> {

    /** One import as the import page lists it. */
    public record ImportRecord(UUID id, String fileName, String uploadedBy, OffsetDateTime uploadedAt, int rowCount,
            int added, int changed, int unchanged, int errors, String confirmedBy, OffsetDateTime confirmedAt) {
    }

    private final JdbcClient jdbc;

    CatalogueImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UUID keep(Importer who, String fileName, byte[] content, String sha256) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO intervention_import (id, file_name, content, uploaded_by) VALUES (?, ?, ?, ?)")
                .params(id, fileName, content, who.userId()).update();
        return id;
    }

    /** Confirmed or not: the file stays with its record. */
    @Override
    public Optional<KeptFile> find(UUID id) {
        return jdbc.sql("SELECT id, file_name, content, confirmed_at IS NOT NULL AS confirmed FROM intervention_import"
                + " WHERE id = ?").param(id)
                .query((rs, n) -> new KeptFile(rs.getObject(1, UUID.class), null, rs.getString(2), rs.getBytes(3),
                        rs.getBoolean(4)))
                .optional();
    }

    @Override
    public void counts(UUID id, CatalogueChanges changes) {
        CatalogueImportPreview p = changes.preview();
        jdbc.sql("""
                UPDATE intervention_import SET row_count = ?, added = ?, changed = ?, unchanged = ?, errors = ?
                 WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(), p.errors().size(), id)
                .update();
    }

    /** Marks the import done, with its counts; false if it already was (a second click). */
    @Override
    public boolean confirm(UUID id, CatalogueChanges changes, long userId) {
        boolean confirmed = jdbc.sql("""
                UPDATE intervention_import SET confirmed_by = ?, confirmed_at = now()
                 WHERE id = ? AND confirmed_at IS NULL""").params(userId, id).update() == 1;
        if (confirmed) {
            counts(id, changes);
        }
        return confirmed;
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
