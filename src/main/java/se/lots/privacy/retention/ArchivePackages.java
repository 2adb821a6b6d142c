package se.lots.privacy.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.lots.organisation.OrganisationId;

/**
 * Makes the archive packages (arkivpaket) a retention run writes before it removes what its rules make due, where
 * the rule asks for one ({@link se.lots.privacy.RetentionRule#archiveFirst()}): one zip per run in Lots' archive
 * folder ({@code lots.archive.directory}, LOTS_ARCHIVE_DIR, default {@code data/archive}), laid out after E-ARK SIP
 * and Riksarkivet's FGS Paketstruktur (docs/privacy.md, "Arkivpaket"). See {@link ArchivePackage} for its life.
 */
@Component
public class ArchivePackages {

    private final Clock clock;
    private final Path directory;

    ArchivePackages(Clock clock, @Value("${lots.archive.directory:data/archive}") Path directory) {
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
        return new ArchivePackage(directory, runId, organisationName, organisation, day, approvedBy, clock.instant());
    }

    /** The folder the packages are written to. */
    public Path directory() {
        return directory;
    }
}
