package se.lots.kaa.register;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.kaa.ImportPreview;
import se.lots.organisation.OrganisationId;
import se.lots.shared.imports.Importer;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.KeptFiles;

/** The record of every import of a school's list (who, when, which file, what it did), and the file until decided. */
@Repository
public class KaaImports implements KeptFiles<ListChanges> {

    public enum State { PREVIEWED, CONFIRMED, DISCARDED }

    public record ImportRecord(UUID id, OrganisationId organisationId, String fileName, State state, int total,
            int added, int changed, int unchanged, int closed, int withErrors, String uploadedBy, Instant uploadedAt,
            String confirmedBy, Instant confirmedAt) {
    }

    private final JdbcClient jdbc;
    // the application's clock, not the database's now(): the demo imports its list on the first day of its year
    private final Clock clock;

    KaaImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UUID keep(Importer who, String fileName, byte[] content, String sha256) {
        return jdbc.sql("""
                INSERT INTO kaa_import (organisation_id, file_name, content, content_sha256, state, uploaded_by,
                                        uploaded_at)
                VALUES (?, ?, ?, ?, 'PREVIEWED', ?, ?) RETURNING id""")
                .params(who.organisationId(), fileName, content, sha256, who.userId(), now()).query(UUID.class)
                .single();
    }

    /** Only while it is previewed: the file is dropped once the import is decided. */
    @Override
    public Optional<KeptFile> find(UUID id) {
        return jdbc.sql("SELECT id, organisation_id, file_name, content FROM kaa_import"
                + " WHERE id = ? AND state = 'PREVIEWED'").param(id)
                .query((rs, n) -> new KeptFile(rs.getObject("id", UUID.class), rs.getLong("organisation_id"),
                        rs.getString("file_name"), rs.getBytes("content"), false))
                .optional();
    }

    @Override
    public void counts(UUID id, ListChanges changes) {
        ImportPreview p = changes.preview();
        jdbc.sql("""
                UPDATE kaa_import SET rows_total = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
                       rows_closed = ?, rows_with_errors = ? WHERE id = ?""")
                .params(p.rowCount(), p.added().size(), p.changed().size(), p.unchanged(), p.closing().size(),
                        (int) p.errors().stream().mapToInt(ImportPreview.RowError::row).distinct().count(), id)
                .update();
    }

    /** The file itself is dropped once the import is decided: only the record stays, with the episodes closed. */
    @Override
    public boolean confirm(UUID id, ListChanges changes, long userId) {
        return jdbc.sql("""
                UPDATE kaa_import SET state = 'CONFIRMED', content = NULL, rows_closed = ?, confirmed_by = ?,
                       confirmed_at = ?
                 WHERE id = ? AND state = 'PREVIEWED'""").params(changes.closed(), userId, now(), id).update() == 1;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    @Override
    public boolean discard(UUID id) {
        return jdbc.sql("UPDATE kaa_import SET state = 'DISCARDED', content = NULL WHERE id = ? AND state = 'PREVIEWED'")
                .param(id).update() == 1;
    }

    /**
     * Gallring of abandoned previews: a list uploaded before {@code before} and never confirmed nor discarded loses its
     * file (the school's list of personnummer) and is recorded as discarded; returns how many.
     */
    public int discardUndecidedBefore(Instant before) {
        return jdbc.sql("UPDATE kaa_import SET state = 'DISCARDED', content = NULL"
                + " WHERE state = 'PREVIEWED' AND uploaded_at < ?")
                .param(OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).update();
    }

    Optional<UUID> lastConfirmed(OrganisationId organisationId) {
        return jdbc.sql("SELECT id FROM kaa_import WHERE organisation_id = ? AND state = 'CONFIRMED'"
                + " ORDER BY confirmed_at DESC LIMIT 1").param(organisationId.value()).query(UUID.class).optional();
    }

    public List<ImportRecord> recent(OrganisationId organisationId, int limit) {
        return jdbc.sql("""
                SELECT i.id, i.organisation_id, i.file_name, i.state, i.rows_total, i.rows_new, i.rows_changed,
                       i.rows_unchanged, i.rows_closed, i.rows_with_errors, u.display_name AS uploader, i.uploaded_at,
                       c.display_name AS confirmer, i.confirmed_at
                  FROM kaa_import i JOIN organisation_staff u ON u.id = i.uploaded_by
                  LEFT JOIN organisation_staff c ON c.id = i.confirmed_by
                 WHERE i.organisation_id = ? ORDER BY i.uploaded_at DESC LIMIT ?""")
                .params(organisationId.value(), limit)
                .query((rs, n) -> new ImportRecord(rs.getObject("id", UUID.class),
                        new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("file_name"), State.valueOf(rs.getString("state")), rs.getInt("rows_total"),
                        rs.getInt("rows_new"), rs.getInt("rows_changed"), rs.getInt("rows_unchanged"),
                        rs.getInt("rows_closed"), rs.getInt("rows_with_errors"), rs.getString("uploader"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("confirmer"),
                        rs.getObject("confirmed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("confirmed_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
