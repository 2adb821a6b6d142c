package se.lots.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.AccountActivationChanged;
import se.lots.security.CurrentActor;

/** Who deactivated or reactivated an account, and when: written in the same transaction as the change. */
@Component
class AccountActivationAudit {

    static final AccessBasis ADMINISTRATION = AccessBasis.of("ADMINISTRATION");

    private final AuditLog log;
    private final CurrentActor actors;

    AccountActivationAudit(AuditLog log, CurrentActor actors) {
        this.log = log;
        this.actors = actors;
    }

    @EventListener
    void on(AccountActivationChanged change) {
        log.record(actors.byUsername(change.changedBy()), null, AuditAction.UPDATE, ADMINISTRATION,
                (change.active() ? "konto aktiverat: " : "konto inaktiverat: ") + change.username());
    }
}
