package se.lots.audit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.LoginFailures;
import se.lots.web.start.StartPanel;

/**
 * The auditor's start panel (template audit/start.html): what to follow up today. Reads of persons with protected
 * identity, emergency accesses and protected identities set or lifted of the last {@link #DAYS} days, failed logins
 * today, and the check of the log's hash chain, each a link to the page where it is followed up. The chain is walked
 * when the auditor asks (it reads the whole log), not on every start page.
 */
@Component
class AuditStartPanel implements StartPanel {

    static final int DAYS = 7;
    static final int FIRST = 5;

    private final AuditEntries entries;
    private final LoginFailures loginFailures;
    private final Clock clock;

    AuditStartPanel(AuditEntries entries, LoginFailures loginFailures, Clock clock) {
        this.entries = entries;
        this.loginFailures = loginFailures;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (user.role() != Role.AUDITOR) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusDays(DAYS);
        return Optional.of(Content.of("audit/start", "panel", Map.of(
                "since", since,
                "today", today,
                "days", DAYS,
                "protectedReads", entries.protectedIdentityReads(since, FIRST),
                "emergencies", entries.emergencyAccessesSince(since, FIRST),
                "protectedChanges", entries.protectedIdentityChangesSince(since, FIRST),
                "failedLogins", loginFailures.between(today, today))));
    }
}
