package se.lots.audit.internal;

import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import se.lots.audit.AuditLog;

/**
 * The audit log's own gallring: the log is one hash chain for the whole installation, so its rule is the
 * installation's, not an organisation's ({@code lots.audit.retention.months}, LOTS_AUDIT_RETENTION_MONTHS, shown
 * read-only on /admin/gallring). Every night the entries older than that go, up to the newest signed checkpoint before
 * then (ADR 0010); while there is no such checkpoint nothing goes.
 */
@Component
class AuditRetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRetentionSchedule.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final AuditLog log;
    private final Clock clock;
    private final int months;

    AuditRetentionSchedule(AuditLog log, Clock clock, @Value("${lots.audit.retention.months:60}") int months) {
        this.log = log;
        this.clock = clock;
        this.months = months;
    }

    @Scheduled(cron = "${lots.audit.retention.cron:0 45 3 * * *}", zone = "Europe/Stockholm")
    void onSchedule() {
        removeDue();
    }

    /** Removes what the installation's rule makes due now; returns how many entries went (0 when none may). */
    long removeDue() {
        var before = clock.instant().atZone(SWEDEN).minusMonths(months).toInstant();
        try {
            long removed = log.removeEntriesOlderThan(before);
            LOG.info("audit log retention: {} entries older than {} months removed", removed, months);
            return removed;
        } catch (IllegalStateException e) {
            LOG.info("audit log retention: nothing removed ({})", e.getMessage());
            return 0;
        }
    }
}
