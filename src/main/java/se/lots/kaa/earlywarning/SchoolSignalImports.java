package se.lots.kaa.earlywarning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.kaa.ImportPreview;
import se.lots.kaa.register.KaaImports;
import se.lots.organisation.OrganisationId;
import se.lots.shared.imports.Importer;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.KeptFiles;

/** The record of every import of school signals (who, when, from where, what it did), and the file until decided. */
@Repository
public class SchoolSignalImports implements KeptFiles<SignalChanges> {

    public record ImportRecord(UUID id, String source, String fileName, KaaImports.State state, int total, int added,
            int changed, int unchanged, int flagged, int withErrors, String uploadedBy, Instant uploadedAt,
            String confirmedBy, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;

    SchoolSignalImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A file the school sent: an SS 12000 snapshot would be kept the same way, as another source. */
    @Override
    public UUID keep(Importer who, String fileName, byte[] content, String sha256) {
        return jdbc.sql("""
                INSERT INTO school_signal_import (organisation_id, source, file_name, content, content_sha256, state,
                                                  uploaded_by)
                VALUES (?, ?, ?, ?, ?, 'PREVIEWED', ?) RETURNING id""")
                .params(who.organisationId(), SchoolSignalFile.KIND, fileName, content, sha256, who.userId())
                .query(UUID.class).single();
    }

    /** Only while it is previewed: the file is dropped once the import is decided. */
    @Override
    public Optional<KeptFile> find(UUID id) {
        return jdbc.sql("SELECT id, organisation_id, source, file_name, content FROM school_signal_import"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id)
                .query((rs, n) -> {
                    if (!SchoolSignalFile.KIND.equals(rs.getString("source"))) {
                        throw new IllegalStateException("no reader for school signals from " + rs.getString("source"));
                    }
                    return new KeptFile(rs.getObject("id", UUID.class), rs.getLong("organisation_id"),
                            rs.getString("file_name"), rs.getBytes("content"), false);
                })
                .optional();
    }

    @Override
    public void counts(UUID id, SignalChanges changes) {
        SignalPreview p = changes.preview();
        jdbc.sql("""
                UPDATE school_signal_import SET rows_total = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
                       rows_flagged = ?, rows_with_errors = ? WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(), p.flagged().size(),
                        (int) p.errors().stream().mapToInt(ImportPreview.RowError::row).distinct().count(), id)
                .update();
    }

    /** The file itself is dropped once the import is decided: only the record stays. */
    @Override
    public boolean confirm(UUID id, SignalChanges changes, long userId) {
        return jdbc.sql("""
                UPDATE school_signal_import SET state = 'CONFIRMED', content = NULL, confirmed_by = ?,
                       confirmed_at = now()
                 WHERE id = ? AND state = 'PREVIEWED'""").params(userId, id).update() == 1;
    }

    @Override
    public boolean discard(UUID id) {
        return jdbc.sql("UPDATE school_signal_import SET state = 'DISCARDED', content = NULL"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id).update() == 1;
    }

    /**
     * Gallring of abandoned previews: a file uploaded before {@code before} and never confirmed nor discarded loses its
     * content (the school's pupils) and is recorded as discarded; returns how many.
     */
    public int discardUndecidedBefore(Instant before) {
        return jdbc.sql("UPDATE school_signal_import SET state = 'DISCARDED', content = NULL"
                + " WHERE state = 'PREVIEWED' AND uploaded_at < ?")
                .param(java.time.OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).update();
    }

    List<ImportRecord> recent(OrganisationId organisationId, int limit) {
        return jdbc.sql("""
                SELECT i.id, i.source, i.file_name, i.state, i.rows_total, i.rows_new, i.rows_changed,
                       i.rows_unchanged, i.rows_flagged, i.rows_with_errors, u.display_name AS uploader,
                       i.uploaded_at, c.display_name AS confirmer, i.confirmed_at
                  FROM school_signal_import i JOIN organisation_staff u ON u.id = i.uploaded_by
                  LEFT JOIN organisation_staff c ON c.id = i.confirmed_by
                 WHERE i.organisation_id = ? ORDER BY i.uploaded_at DESC LIMIT ?""")
                .params(organisationId.value(), limit)
                .query((rs, n) -> new ImportRecord(rs.getObject("id", UUID.class), rs.getString("source"),
                        rs.getString("file_name"), KaaImports.State.valueOf(rs.getString("state")),
                        rs.getInt("rows_total"), rs.getInt("rows_new"), rs.getInt("rows_changed"),
                        rs.getInt("rows_unchanged"), rs.getInt("rows_flagged"), rs.getInt("rows_with_errors"),
                        rs.getString("uploader"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                        rs.getString("confirmer"), rs.getObject("confirmed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("confirmed_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
