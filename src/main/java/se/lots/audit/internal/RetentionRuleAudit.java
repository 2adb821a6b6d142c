package se.lots.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.RetentionRuleChanged;

/** Who changed a retention rule of the organisation, from what to what: written in the same transaction as the change. */
@Component
class RetentionRuleAudit {

    private final AuditLog log;

    RetentionRuleAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(RetentionRuleChanged change) {
        log.record(change.changedBy(), null, change.before() == null ? AuditAction.CREATE : AuditAction.UPDATE,
                AccountActivationAudit.ADMINISTRATION, "gallringsregel " + change.after().register() + "/"
                        + change.after().recordKind() + ": " + (change.before() == null ? "standard" : text(change.before()))
                        + " -> " + text(change.after()));
    }

    private static String text(RetentionRule rule) {
        return rule.keepMonths() + " mån efter " + rule.countedFrom() + (rule.archiveFirst() ? ", arkiveras först" : "")
                + ", grund: " + rule.legalBasis();
    }
}
