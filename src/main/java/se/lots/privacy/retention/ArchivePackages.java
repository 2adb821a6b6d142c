package se.lots.privacy.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.organisation.OrganisationId;

/**
 * Makes the archive packages (arkivpaket) a retention run writes before it removes what its rules make due, where
 * the rule asks for one ({@link se.lots.privacy.RetentionRule#archiveFirst()}): one zip per run in Lots' archive
 * folder ({@code lots.archive.directory}, LOTS_ARCHIVE_DIR, default {@code data/archive}), an E-ARK SIP after
 * Riksarkivet's FGS Paketstruktur 2.0 (docs/privacy.md, "Arkivpaket"). See {@link ArchivePackage} for its life.
 */
@Component
public class ArchivePackages {

    private static final Logger log = LoggerFactory.getLogger(ArchivePackages.class);
    /** A partial file older than this is left by a process that died: no run writes for so long. */
    private static final Duration STALE = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;

    ArchivePackages(JdbcClient jdbc, Clock clock, @Value("${lots.archive.directory:data/archive}") Path directory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = directory.toAbsolutePath();
    }

    /**
     * Opens the package of one retention run: {@code organisationName} and {@code organisation} are the archive
     * creator (arkivbildare), {@code day} the run's day and {@code approvedBy} the named person who approved it. The
     * rows go in through {@link ArchivePackage#sink}; {@link ArchivePackage#finish} puts the package in place,
     * {@link ArchivePackage#abort} removes what was written.
     */
    public ArchivePackage open(UUID runId, String organisationName, OrganisationId organisation, LocalDate day,
            String approvedBy) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the archive folder " + directory + " cannot be created", e);
        }
        removeStaleParts();
        return new ArchivePackage(directory, runId, organisationName, organisation, day, approvedBy, clock,
                software(), this::columns);
    }

    /** The folder the packages are written to. */
    public Path directory() {
        return directory;
    }

    /** The columns of one of Lots' tables, from the database's catalogue (a package's documentation/tables.json). */
    List<ArchivePackage.Column> columns(String table) {
        return jdbc.sql("""
                SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
                  FROM pg_attribute a
                 WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""").param(table)
                .query((rs, n) -> new ArchivePackage.Column(rs.getString("name"), rs.getString("type"),
                        rs.getBoolean("nullable"))).list();
    }

    private static String software() {
        String version = ArchivePackages.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    private void removeStaleParts() {
        try (var parts = Files.list(directory)) {
            var before = clock.instant().minus(STALE);
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith(".lots-gallring-")
                    && p.getFileName().toString().endsWith(".zip.part")).toList()) {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(before)) {
                    log.warn("removing {}, a partial archive package left by a run that did not finish", part);
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            log.warn("could not look for partial archive packages in {}", directory, e);
        }
    }
}
