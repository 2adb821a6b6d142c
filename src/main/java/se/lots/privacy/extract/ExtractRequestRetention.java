package se.lots.privacy.extract;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.DueRows;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Gallring of the organisation's requests for register extracts (rule kind "EXTRACT_REQUEST", counted from the last
 * activity), request by request with its secrecy review and the extract frozen in it: a request is due once it was
 * closed before the rule's period — handed over ({@code handed_over_at}), or refused. A refusal is recorded without its
 * date, so a refused request counts as closed on the latest of the day it was received, prepared or reviewed and its
 * deadline (as extended): the answer was due by then (GDPR art. 12.3–4), so the period is not cut short by a refusal
 * given in time. An open request is never due, and {@link #mustKeep} names it ("privacy.keep.privacy.openRequest"): the
 * organisation still has to answer it (art. 12 and 15).
 */
@Component
class ExtractRequestRetention implements PersonalDataEraser {

    static final String EXTRACT_REQUEST = "EXTRACT_REQUEST";

    private final JdbcClient jdbc;

    ExtractRequestRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "privacy";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(EXTRACT_REQUEST);
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(due(organisation, rule, today)).count();
    }

    @Override
    @Transactional(readOnly = true)
    public void archiveDue(OrganisationId organisation, RetentionRule rule, LocalDate today, ArchiveSink sink) {
        rows(due(organisation, rule, today)).archive(sink);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount removeDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(due(organisation, rule, today)).remove();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> stillHeld(Collection<UUID> persons) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT person_id FROM privacy_extract_request WHERE person_id = ANY(?::uuid[])""")
                .param(persons.toArray(UUID[]::new)).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countPerson(OrganisationId organisation, UUID personId) {
        return rows(person(organisation, personId)).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount erasePerson(OrganisationId organisation, UUID personId) {
        return rows(person(organisation, personId)).remove();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        boolean open = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM privacy_extract_request
                                WHERE organisation_id = ? AND person_id = ? AND status NOT IN (%s))"""
                .formatted(CLOSED))
                .params(organisation.value(), personId).query(Boolean.class).single();
        return open ? Optional.of("privacy.keep.privacy.openRequest") : Optional.empty();
    }

    private static final String CLOSED = "'HANDED_OVER', 'REFUSED'";

    /** The due requests and their persons. */
    private record Due(UUID[] requests, Set<UUID> persons) {
    }

    /** The tables in the order the removal goes: children before parents. */
    private DueRows rows(Due due) {
        return DueRows.of(jdbc, register(), due.persons)
                .from("FROM privacy_extract_review WHERE request_id = ANY(?::uuid[])", due.requests)
                .from("FROM privacy_extract_request WHERE id = ANY(?::uuid[])", due.requests);
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(EXTRACT_REQUEST)
                || rule.countedFrom() != RetentionEvent.LAST_ACTIVITY) {
            throw new IllegalArgumentException("not a rule of the requests for register extracts: " + rule);
        }
        return found(jdbc.sql("""
                SELECT id, person_id FROM privacy_extract_request
                 WHERE organisation_id = ? AND status IN (%s)
                   AND CASE WHEN status = 'HANDED_OVER'
                            THEN (handed_over_at AT TIME ZONE 'Europe/Stockholm')::date
                            ELSE greatest(received_on, coalesce(extended_to, deadline),
                                          (prepared_at AT TIME ZONE 'Europe/Stockholm')::date,
                                          (reviewed_at AT TIME ZONE 'Europe/Stockholm')::date) END < ?"""
                .formatted(CLOSED))
                .params(organisation.value(), rule.keptFrom(today)));
    }

    /** One person, for an erasure: every request the organisation recorded for them, open or closed. */
    private Due person(OrganisationId organisation, UUID personId) {
        return found(jdbc.sql("""
                SELECT id, person_id FROM privacy_extract_request WHERE organisation_id = ? AND person_id = ?""")
                .params(organisation.value(), personId));
    }

    private static Due found(JdbcClient.StatementSpec query) {
        var requests = new java.util.ArrayList<UUID>();
        var persons = new HashSet<UUID>();
        query.query(rs -> {
            requests.add(rs.getObject(1, UUID.class));
            persons.add(rs.getObject(2, UUID.class));
        });
        return new Due(requests.toArray(UUID[]::new), persons);
    }
}
