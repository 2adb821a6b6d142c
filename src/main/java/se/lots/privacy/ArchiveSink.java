package se.lots.privacy;

/**
 * Where a register writes the rows a retention run is about to remove, when the organisation's rule asks for an
 * archive package first ({@link RetentionRule#archiveFirst()}): one call per row, the row as JSON (PostgreSQL's
 * {@code row_to_json}), so that the package holds exactly what was removed, table by table.
 */
@FunctionalInterface
public interface ArchiveSink {

    void row(String table, String json);
}
