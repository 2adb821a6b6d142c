package se.lots.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.internal.Checkpoints;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/**
 * Appends to the log in the caller's transaction; the auditor reads it through {@code internal.AuditEntries}. An
 * erasure forgets a person in the log with {@link #forgetPerson(UUID)}; the log's own retention removes old entries
 * with {@link #removeEntriesOlderThan(Instant)}, only up to a signed checkpoint (ADR 0010).
 */
@Service
public class AuditLog {

    /** The access basis of the log's own entries about forgetting and retention. */
    static final String FORGETTING = "AVIDENTIFIERING";
    static final String RETENTION = "GALLRING";

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;

    AuditLog(JdbcClient jdbc, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    /**
     * Makes a person unidentifiable in the log, in the caller's transaction (the erasure's): every entry about them
     * loses its person id, basis (with an emergency access's reason), consent id and detail, and the person's key is
     * destroyed, so that nobody can tell any more whom those entries were about, nor which entries were about the same
     * person. Who read, when, in which organisation and role, and what kind of access stay, and the hash chain still
     * verifies (ADR 0010). Itself logged as one entry that names nobody. Write your own entries about the person
     * before calling this (they are forgotten with the rest): an entry written for them afterwards names them again.
     *
     * @return how many entries were made unidentifiable
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long forgetPerson(UUID personId) {
        long forgotten = jdbc.sql("SELECT audit_forget_person(?)").param(personId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                VALUES ('system:avidentifiering', NULL, NULL, NULL, 'DELETE', ?, NULL, ?, '', '')""")
                .params(FORGETTING, "en person avidentifierad i loggen: " + forgotten + " poster")
                .update();
        return forgotten;
    }

    /**
     * The log's own retention: removes the entries up to the newest signed checkpoint taken at or before
     * {@code before} (so every entry removed is older than that), logged as one entry. The chain then starts from
     * that checkpoint and still verifies. Refused ({@link IllegalStateException}) when there is no such checkpoint.
     *
     * @return how many entries were removed
     */
    @Transactional
    public long removeEntriesOlderThan(Instant before) {
        var candidate = checkpoints.newestRemovable(before).orElseThrow(() -> new IllegalStateException(
                "no signed audit checkpoint taken at or before " + before + ": nothing may be removed"));
        jdbc.sql("""
                INSERT INTO audit_entry (username, organisation_id, role, person_id, action, purpose, consent_id, detail,
                                         prev_hash, hash)
                VALUES ('system:loggallring', NULL, NULL, NULL, 'DELETE', ?, NULL, ?, '', '')""")
                .params(RETENTION, "loggposter till och med " + candidate.lastId() + " gallrade, kontrollpunkt "
                        + candidate.at())
                .update();
        return jdbc.sql("SELECT audit_remove_up_to(?)").param(candidate.databaseId()).query(Long.class).single();
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
