package se.lots.plan.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.Consent;
import se.lots.consent.ConsentService;
import se.lots.security.Actor;

/**
 * What is due today in a case worker's caseload, for the start page: how many cases, and of each kind of thing due its
 * count and the first {@link #FIRST} items, each with the address where it is done. Counts come from the same rows
 * as the items (count(*) OVER ()), so each list is one index-driven statement; only the persons shown are audited,
 * in one insert.
 */
@Service
public class CaseDay {

    /** How many items of each kind the start page lists before "Visa alla". */
    public static final int FIRST = 5;

    /** One thing to do: for whom, what (a step's title; empty for a review), when, and where it is done. */
    public record Item(UUID personId, String personName, String what, LocalDate on, String href) {
    }

    /** A kind of thing due: how many there are and the first few. */
    public record Due(long count, List<Item> first) {

        static final Due NONE = new Due(0, List.of());

        public boolean more() {
            return count > first.size();
        }
    }

    public record Today(int caseload, Due overdueSteps, Due reviews, Due referrals, Due consents, LocalDate today) {

        public boolean nothingDue() {
            return overdueSteps.count() == 0 && reviews.count() == 0 && referrals.count() == 0
                    && consents.count() == 0;
        }
    }

    // Each list: the first few in date order with names joined after the LIMIT, and the count of all in the same
    // statement (a scalar subquery over the same CTE). Parameters :user, :org, :today, :horizon, :first and :plans, the
    // caseload's plans (CaseWorklist.CASELOAD).
    static final String OVERDUE_STEPS = """
            WITH due AS (SELECT s.id, p.person_id, s.title, s.due_on
                           FROM plan p JOIN plan_step s ON s.plan_id = p.id
                          WHERE p.id = ANY (:plans) AND s.plan_id = ANY (:plans) AND s.due_on < :today
                            AND""" + " " + CaseWorklist.COUNTED_STEP + """
            )
            SELECT d.id, d.person_id, y.first_name || ' ' || y.last_name AS name, d.title, d.due_on,
                   (SELECT count(*) FROM due) AS total
              FROM (SELECT * FROM due ORDER BY due_on, id LIMIT :first) d
              JOIN registry_person y ON y.id = d.person_id
             ORDER BY d.due_on, d.id""";

    static final String REVIEWS = """
            WITH due AS (SELECT p.id, p.person_id, p.next_review_on FROM plan p
                          WHERE p.coordinator_user_id = :user AND p.next_review_on <= :horizon)
            SELECT d.person_id, y.first_name || ' ' || y.last_name AS name, d.next_review_on,
                   (SELECT count(*) FROM due) AS total
              FROM (SELECT * FROM due ORDER BY next_review_on, id LIMIT :first) d
              JOIN registry_person y ON y.id = d.person_id
             ORDER BY d.next_review_on, d.id""";

    static final String REFERRALS = """
            WITH due AS (SELECT r.id, r.person_id, r.sent_at FROM referral r
                          WHERE r.to_organisation_id = :org AND r.status IN ('SKICKAD', 'MOTTAGEN'))
            SELECT d.id, d.person_id, y.first_name || ' ' || y.last_name AS name, d.sent_at,
                   (SELECT count(*) FROM due) AS total
              FROM (SELECT * FROM due ORDER BY sent_at, id LIMIT :first) d
              JOIN registry_person y ON y.id = d.person_id
             ORDER BY d.sent_at, d.id""";

    private final JdbcClient jdbc;
    private final CaseWorklist worklist;
    private final ConsentService consents;
    private final AuditLog audit;
    private final Clock clock;

    CaseDay(JdbcClient jdbc, CaseWorklist worklist, ConsentService consents, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.worklist = worklist;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Today today(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role has no caseload");
        }
        LocalDate today = LocalDate.now(clock);
        UUID[] plans = worklist.caseloadPlans(actor);
        List<UUID> caseload = worklist.personsOf(plans);

        Due steps = due(bind(jdbc.sql(OVERDUE_STEPS), actor, today, plans), (rs, n) -> new Item(
                rs.getObject("person_id", UUID.class), rs.getString("name"), rs.getString("title"),
                rs.getObject("due_on", LocalDate.class), "/plan/steps/" + rs.getObject("id", UUID.class)));
        Due reviews = due(bind(jdbc.sql(REVIEWS), actor, today, plans), (rs, n) -> {
            UUID person = rs.getObject("person_id", UUID.class);
            return new Item(person, rs.getString("name"), null, rs.getObject("next_review_on", LocalDate.class),
                    "/persons/" + person + "/plan?formular=review#review");
        });
        Due referrals = due(bind(jdbc.sql(REFERRALS), actor, today, plans), (rs, n) -> new Item(
                rs.getObject("person_id", UUID.class), rs.getString("name"), null,
                rs.getObject("sent_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toLocalDate(),
                "/plan/referrals#incoming"));

        List<Consent> ending = consents.runningOut(actor, caseload, CaseWorklist.CONSENT_DAYS);
        Due consentsDue = Due.NONE;
        if (!ending.isEmpty()) {
            List<Consent> first = ending.stream().limit(FIRST).toList();
            Map<UUID, String> names = names(first.stream().map(Consent::personId).distinct().toList());
            consentsDue = new Due(ending.size(), first.stream().map(c -> new Item(c.personId(),
                    names.get(c.personId()), null, c.validTo(), "/persons/" + c.personId() + "#samtycken")).toList());
        }

        Set<UUID> own = new LinkedHashSet<>();
        steps.first().forEach(i -> own.add(i.personId()));
        reviews.first().forEach(i -> own.add(i.personId()));
        consentsDue.first().forEach(i -> own.add(i.personId()));
        audit.recordEachIfAny(actor, own, AuditAction.SEARCH, AccessBasis.OWN_ORGANISATION, "startsida plan");
        audit.recordEachIfAny(actor, new LinkedHashSet<>(referrals.first().stream().map(Item::personId).toList()),
                AuditAction.SEARCH, AccessBasis.of("REMISS"), "startsida remisser");
        return new Today(caseload.size(), steps, reviews, referrals, consentsDue, today);
    }

    /** Binds every parameter the statements above use; a statement ignores those it does not name. */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Actor actor, LocalDate today,
            UUID[] plans) {
        return statement.param("user", actor.userId()).param("org", actor.organisationId().value())
                .param("today", today).param("horizon", today.plusDays(CaseWorklist.HORIZON_DAYS))
                .param("first", FIRST).param("plans", plans);
    }

    private static Due due(JdbcClient.StatementSpec statement, org.springframework.jdbc.core.RowMapper<Item> item) {
        long[] total = { 0 };
        List<Item> items = statement.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return item.mapRow(rs, n);
        }).list();
        return new Due(total[0], items);
    }

    private Map<UUID, String> names(List<UUID> persons) {
        return jdbc.sql("SELECT id, first_name || ' ' || last_name AS name FROM registry_person WHERE id = ANY (?)")
                .param(persons.toArray(UUID[]::new)).query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
                        rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
