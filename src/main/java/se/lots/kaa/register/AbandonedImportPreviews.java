package se.lots.kaa.register;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.lots.kaa.earlywarning.SchoolSignalImports;

/**
 * Gallring of the school's files that nobody decided on: an uploaded list (the KAA list, the school's signals) is kept
 * while its preview waits for the coordinator's confirm or discard; a preview left for
 * {@code lots.kaa.import-preview-days} days (default 7) loses its file and is recorded as discarded, so that a list of
 * personnummer is never kept for ever by forgetting to click. The record of the import (who, when, which file, what it
 * found) stays; a confirmed import never kept its file.
 */
@Component
class AbandonedImportPreviews {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImportPreviews.class);

    private final KaaImports lists;
    private final SchoolSignalImports signals;
    private final Clock clock;
    private final Duration kept;

    AbandonedImportPreviews(KaaImports lists, SchoolSignalImports signals, Clock clock,
            @Value("${lots.kaa.import-preview-days:7}") int days) {
        this.lists = lists;
        this.signals = signals;
        this.clock = clock;
        this.kept = Duration.ofDays(days);
    }

    /** Every night; returns how many previews were discarded. */
    @Scheduled(cron = "${lots.kaa.import-preview-cron:0 20 0 * * *}", zone = "Europe/Stockholm")
    @Transactional
    public int discardAbandoned() {
        var before = clock.instant().minus(kept);
        int discarded = lists.discardUndecidedBefore(before) + signals.discardUndecidedBefore(before);
        if (discarded > 0) {
            log.info("{} import previews older than {} discarded with their files", discarded, kept);
        }
        return discarded;
    }
}
