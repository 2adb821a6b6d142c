package se.lots.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.privacy.RetentionRunApproved;
import se.lots.privacy.RetentionRunExecuted;

/**
 * Who approved and who executed a retention run, and what it removed (counts, no person): written in the run's
 * transaction, so that a run rolled back leaves no entry and a run done always has one.
 */
@Component
class RetentionRunAudit {

    private final AuditLog log;

    RetentionRunAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(RetentionRunApproved approved) {
        log.record(approved.approvedBy(), null, AuditAction.UPDATE, AccountActivationAudit.ADMINISTRATION,
                "gallringskörning " + approved.runId() + " för " + approved.day() + " godkänd (förberedd av "
                        + approved.preparedByName() + ")");
    }

    @EventListener
    void on(RetentionRunExecuted executed) {
        log.record(executed.executedBy(), null, AuditAction.DELETE, AccountActivationAudit.ADMINISTRATION,
                "gallringskörning " + executed.runId() + " för " + executed.day() + ": " + executed.outcome() + ", "
                        + executed.persons() + " personer i registren, " + executed.rows() + " poster borttagna, "
                        + executed.forgotten() + " personer borttagna ur registret och avidentifierade i loggen");
    }
}
