package se.lots.privacy.retention;

import java.util.Optional;

import se.lots.privacy.ArchiveSink;
import se.lots.privacy.RetentionRule;

/**
 * The seam between the run and the archive package (arkivpaket) it writes before removing what a rule with
 * {@link RetentionRule#archiveFirst()} makes due: the run opens one package, each such register writes its rows to the
 * package's sink (the register's {@code archiveDue}), and the package is finished before the removal's transaction
 * commits. Empty where Lots cannot make packages: then a run whose rules ask for one is refused, nothing removed.
 */
interface RunArchive {

    Optional<Package> open(RetentionRun run);

    interface Package {

        /** Where the register of {@code rule} writes its rows. */
        ArchiveSink sink(RetentionRule rule);

        /** Closes the package; returns how it is found again (its name or path), kept on the run. */
        String finish();

        /** The removal failed after the package was begun: what was written is not a package of a removal. */
        void abandon();
    }
}
