package se.lots.consent.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Gallring of the consent register (rule kind "CONSENT", counted from the record's last activity), record by record
 * of the organisation:
 * <ul>
 * <li>A <b>consent</b> is the organisation's that records it (the holder, {@code from_organisation_id}, the one that
 * discloses). It shows that the young person consented (GDPR art. 7.1, 5.2), so it is kept while it is in force (not
 * withdrawn and not run out: the receiver's access depends on it) and while a plan record shared under it is kept
 * (plan's published view {@code plan_consent_use}: a meeting's organisation, a referral). A withdrawn or run-out
 * consent is due once its last activity — the day it was withdrawn, or else the last day it was valid (or the day it
 * was recorded, if later) — fell before the rule's period.</li>
 * <li>An <b>emergency access</b> is the organisation's whose user took it; due once it expired before the period.</li>
 * <li>A <b>line disclosure</b> (between lines of one organisation) as a consent: due once withdrawn or run out and its
 * last activity fell before the period.</li>
 * <li>A <b>holding</b> ({@code person_holding}: which of the organisation's lines hold the person) is no record of
 * its own but the boundary that keeps the person's record inside those lines (a person with no holding is open to the
 * whole organisation). So a retention rule never makes it due: it goes when the organisation holds nothing else on the
 * person — with an erasure of everything the organisation holds on them ({@link #erasePerson}), or when the person
 * is forgotten because no register holds anything on them (the registry removes the holdings through
 * {@code PersonHoldings.forget}). {@link #stillHeld} therefore does not count holdings.</li>
 * </ul>
 * Consents that a plan record still refers to make {@link #erasePerson} fail (the reference is plan's foreign key): an
 * erasure of a person erases the plan register first.
 */
@Component
class ConsentRetention implements PersonalDataEraser {

    static final String CONSENT = "CONSENT";

    private static final String SWEDISH = "'Europe/Stockholm'";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsentRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String register() {
        return "consent";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(CONSENT);
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
        // not person_holding: a holding is the boundary of what the organisation holds, not something held (see above)
        UUID[] ids = persons.toArray(UUID[]::new);
        return new HashSet<>(jdbc.sql("""
                SELECT person_id FROM consent WHERE person_id = ANY(?::uuid[])
                UNION SELECT person_id FROM emergency_access WHERE person_id = ANY(?::uuid[])
                UNION SELECT person_id FROM line_disclosure WHERE person_id = ANY(?::uuid[])""")
                .params(ids, ids, ids).query(UUID.class).list());
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

    /**
     * A consent the organisation recorded for the person that is in force (not withdrawn, not run out): another
     * organisation's access rests on it, and the consent record is what shows it was given (GDPR art. 7.1). It can go
     * once the young person has withdrawn it.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        boolean inForce = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM consent
                                WHERE from_organisation_id = ? AND person_id = ? AND withdrawn_at IS NULL
                                  AND valid_to >= ?)""")
                .params(organisation.value(), personId, LocalDate.now(clock)).query(Boolean.class).single();
        return inForce ? Optional.of("privacy.keep.consent.inForce") : Optional.empty();
    }

    /** The due rows' ids by table, and their persons. */
    private record Due(Map<String, Object[]> ids, Set<UUID> persons) {
    }

    /** The due rows, table by table in the order the removal goes (none refers to another). */
    private DueRows rows(Due due) {
        return DueRows.of(jdbc, register(), due.persons)
                .from("FROM emergency_access WHERE id = ANY(?::bigint[])", due.ids.get("emergency_access"))
                .from("FROM line_disclosure WHERE id = ANY(?::uuid[])", due.ids.get("line_disclosure"))
                .from("FROM consent WHERE id = ANY(?::uuid[])", due.ids.get("consent"))
                .from("FROM person_holding WHERE id = ANY(?::bigint[])", due.ids.get("person_holding"));
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(CONSENT)
                || rule.countedFrom() != RetentionEvent.LAST_ACTIVITY) {
            throw new IllegalArgumentException("not a rule of the consent register's records: " + rule);
        }
        long org = organisation.value();
        LocalDate keptFrom = rule.keptFrom(today);
        var due = new Collector();
        due.add("emergency_access", jdbc.sql("""
                SELECT e.id, e.person_id FROM emergency_access e JOIN organisation_staff s ON s.id = e.user_id
                 WHERE s.organisation_id = ? AND (e.expires_at AT TIME ZONE %s)::date < ?""".formatted(SWEDISH))
                .params(org, keptFrom));
        due.add("line_disclosure", jdbc.sql("""
                SELECT id, person_id FROM line_disclosure
                 WHERE organisation_id = ? AND (withdrawn_at IS NOT NULL OR valid_to < ?)
                   AND greatest(coalesce((withdrawn_at AT TIME ZONE %1$s)::date, valid_to),
                                (recorded_at AT TIME ZONE %1$s)::date) < ?""".formatted(SWEDISH))
                .params(org, today, keptFrom));
        due.add("consent", jdbc.sql("""
                SELECT c.id, c.person_id FROM consent c
                 WHERE c.from_organisation_id = ? AND (c.withdrawn_at IS NOT NULL OR c.valid_to < ?)
                   AND greatest(coalesce((c.withdrawn_at AT TIME ZONE %1$s)::date, c.valid_to),
                                (c.recorded_at AT TIME ZONE %1$s)::date) < ?
                   AND NOT EXISTS (SELECT 1 FROM plan_consent_use u WHERE u.consent_id = c.id)""".formatted(SWEDISH))
                .params(org, today, keptFrom));
        due.none("person_holding");
        return due.done();
    }

    /** One person, for an erasure: everything the organisation holds on them in this register. */
    private Due person(OrganisationId organisation, UUID personId) {
        long org = organisation.value();
        var due = new Collector();
        due.add("emergency_access", jdbc.sql("""
                SELECT e.id, e.person_id FROM emergency_access e JOIN organisation_staff s ON s.id = e.user_id
                 WHERE s.organisation_id = ? AND e.person_id = ?""").params(org, personId));
        due.add("line_disclosure", jdbc.sql("SELECT id, person_id FROM line_disclosure WHERE organisation_id = ?"
                + " AND person_id = ?").params(org, personId));
        due.add("consent", jdbc.sql("SELECT id, person_id FROM consent WHERE from_organisation_id = ?"
                + " AND person_id = ?").params(org, personId));
        due.add("person_holding", jdbc.sql("SELECT id, person_id FROM person_holding WHERE organisation_id = ?"
                + " AND person_id = ?").params(org, personId));
        return due.done();
    }

    /** Gathers the rows (id, person_id) a query finds, table by table. */
    private static final class Collector {

        private final Map<String, Object[]> ids = new HashMap<>();
        private final Set<UUID> persons = new HashSet<>();

        void add(String table, JdbcClient.StatementSpec rows) {
            List<Object> found = new ArrayList<>();
            rows.query(rs -> {
                found.add(rs.getObject(1));
                persons.add(rs.getObject(2, UUID.class));
            });
            ids.put(table, found.toArray(noIds(table)));
        }

        void none(String table) {
            ids.put(table, noIds(table));
        }

        Due done() {
            return new Due(Map.copyOf(ids), persons);
        }

        /** No id of the table, typed as the removal binds its ids (bigint or uuid). */
        private static Object[] noIds(String table) {
            return table.equals("emergency_access") || table.equals("person_holding") ? new Long[0] : new UUID[0];
        }
    }
}
