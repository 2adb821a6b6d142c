package se.lots.privacy.retention;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Until the archive package writer is merged (issue 23 item 2, branch i23-archive), Lots makes no packages: a run whose
 * rules ask for archiving first is refused ("privacy.retention.run.noArchive"), nothing removed.
 */
@Component
class NoArchivePackages implements RunArchive {

    @Override
    public Optional<Package> open(RetentionRun run) {
        return Optional.empty();
    }
}
