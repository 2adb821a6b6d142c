package se.lots.audit;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/** Appends to the log in the caller's transaction; the auditor reads it through {@code internal.AuditEntries}. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Joins the caller's transaction: if the change is rolled back, so is its audit entry. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, UUID personId, AuditAction action, AccessBasis basis, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '')""")
                .params(actor.username(), actor.organisationId().value(), actor.role().name(), personId, action.name(),
                        basis == null ? null : basis.purpose(), basis == null ? null : basis.consentId(), detail)
                .update();
    }

    /** One entry per person shown, so that each person's access history lists the searches they appeared in. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEach(Actor actor, Collection<UUID> personIds, AuditAction action, AccessBasis basis,
            String detail) {
        if (personIds.isEmpty()) {
            record(actor, null, action, basis, detail);
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                SELECT ?, ?, ?, p, ?, ?, ?, ?, '', '' FROM unnest(?::uuid[]) WITH ORDINALITY AS t(p, n) ORDER BY n""")
                .params(actor.username(), actor.organisationId().value(), actor.role().name(), action.name(),
                        basis == null ? null : basis.purpose(), basis == null ? null : basis.consentId(), detail,
                        personIds.toArray(UUID[]::new))
                .update();
    }

    /** As {@link #recordEach}, but nothing at all when there is nobody (an import that changed nobody). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEachIfAny(Actor actor, Collection<UUID> personIds, AuditAction action, AccessBasis basis,
            String detail) {
        if (!personIds.isEmpty()) {
            recordEach(actor, personIds, action, basis, detail);
        }
    }

    /**
     * A change made by Lots itself on a schedule (no user, no role), e.g. closing KAA episodes at the twentieth
     * birthday; {@code system} names the job, as "system:…", so that the person's access history says what did it.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordEachBySystem(String system, OrganisationId organisationId, Collection<UUID> personIds,
            AuditAction action, AccessBasis basis, String detail) {
        if (!system.startsWith("system:")) {
            throw new IllegalArgumentException("a system job is named system:…");
        }
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                SELECT ?, ?, NULL, p, ?, ?, ?, ?, '', '' FROM unnest(?::uuid[]) WITH ORDINALITY AS t(p, n) ORDER BY n""")
                .params(system, organisationId.value(), action.name(), basis == null ? null : basis.purpose(),
                        basis == null ? null : basis.consentId(), detail, personIds.toArray(UUID[]::new))
                .update();
    }
}
