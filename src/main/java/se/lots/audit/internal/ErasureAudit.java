package se.lots.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.privacy.ErasureDecided;

/**
 * A decided request for erasure, written in the deciding transaction as its own action: about the person where they
 * are still in Lots (a refusal, or an erasure of one organisation's records while others still hold theirs), about no
 * one where the person was erased altogether.
 */
@Component
class ErasureAudit {

    private final AuditLog log;

    ErasureAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(ErasureDecided decided) {
        log.record(decided.decidedBy(), decided.personId(), AuditAction.ERASURE, AccessBasis.OWN_ORGANISATION,
                "begäran om radering, ärende " + decided.caseNumber() + ": " + decided.detail());
    }
}
