package se.lots.plan.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import java.util.HashMap;
import se.lots.consent.AccessPolicy;
import se.lots.consent.ConsentScope;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;

/**
 * Mina ärenden: every case (a young person's plan) the case worker coordinates or holds an open step in, whether or
 * not anything is due, with what is due marked per row — their overdue steps, the plan's review when they coordinate
 * it, a consent running out — most urgent first or by name, a page at a time. The steps that count are open steps of
 * the worker's own organisation: all of them in a plan they coordinate, their own in a plan they do not. Those need
 * no consent; each person shown is audited.
 */
@Service
public class CaseWorklist {

    /** A review or step this many days ahead counts as due. */
    public static final int HORIZON_DAYS = 14;
    /** A consent ending within this many days is running out. */
    public static final int CONSENT_DAYS = 30;
    public static final int PAGE_SIZE = 50;

    public enum Sort {
        /** Earliest of an open step's due date and the review date first; cases with no date last, by name. */
        URGENCY,
        NAME
    }

    /** Which cases: all, or those with one kind of thing due (the start page's "Visa alla"). */
    public enum Show {
        ALL, OVERDUE_STEPS, REVIEWS, CONSENTS
    }

    /**
     * One case. {@code overdueSteps}: open steps due before today; {@code nextDue}: the earliest due date of an open
     * step (overdue or not); {@code reviewOn}: the plan's next review, when the user coordinates it; {@code
     * consentEndsOn}: the first consent running out.
     */
    public record Case(UUID personId, String personName, boolean coordinator, int openSteps, int overdueSteps,
            LocalDate nextDue, LocalDate reviewOn, LocalDate consentEndsOn, LocalDate today) {

        public boolean reviewOverdue() {
            return reviewOn != null && reviewOn.isBefore(today);
        }

        public boolean reviewDue() {
            return reviewOn != null && !reviewOn.isAfter(today.plusDays(HORIZON_DAYS));
        }

        public boolean stepDueSoon() {
            return overdueSteps == 0 && nextDue != null && !nextDue.isAfter(today.plusDays(HORIZON_DAYS));
        }

        /** Something on this row needs the user now: an overdue step or review. */
        public boolean overdue() {
            return overdueSteps > 0 || reviewOverdue();
        }
    }

    /** One page of cases; {@code total} counts every case shown by {@code show}, {@code page} starts at 1. */
    public record Page(List<Case> cases, long total, int page, int referralsWaiting, Sort sort, Show show) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /**
     * The plans of the user's caseload: those they coordinate and those they hold an open step of their organisation
     * in. Both halves are index walks (plan_review_due, plan_step_open_by_responsible). Parameters :user, :org.
     */
    static final String CASELOAD = """
            SELECT p.id FROM plan p WHERE p.coordinator_user_id = :user
            UNION
            SELECT s.plan_id FROM plan_step s
             WHERE s.responsible_user_id = :user AND s.organisation_id = :org AND s.status IN ('PLANERAD', 'PAGAR')""";

    /** The steps of a case that count for the user (see the class comment); {@code s} a step, {@code p} its plan. */
    static final String COUNTED_STEP = """
            s.status IN ('PLANERAD', 'PAGAR') AND s.organisation_id = :org
            AND (p.coordinator_user_id = :user OR s.responsible_user_id = :user)""";

    /** Mina ärenden's rows over the caseload's plans (:plans, from {@link #CASELOAD}): each plan a primary-key probe. */
    static final String CASES = """
            WITH cases AS (
              SELECT p.id AS plan_id, p.person_id, p.coordinator_user_id = :user AS coordinates,
                     CASE WHEN p.coordinator_user_id = :user THEN p.next_review_on END AS review_on,
                     st.open, st.overdue, st.next_due
                FROM plan p
               CROSS JOIN LATERAL (SELECT count(*) AS open, count(*) FILTER (WHERE s.due_on < :today) AS overdue,
                                          min(s.due_on) AS next_due
                                     FROM plan_step s WHERE s.plan_id = p.id AND""" + " " + COUNTED_STEP + """
            ) st
               WHERE p.id = ANY (:plans))
            SELECT c.person_id, y.first_name || ' ' || y.last_name AS name, c.coordinates, c.open, c.overdue,
                   c.next_due, c.review_on, count(*) OVER () AS total
              FROM cases c JOIN registry_person y ON y.id = c.person_id
             WHERE""" + " ";

    private final JdbcClient jdbc;
    private final ConsentService consents;
    private final AuditLog audit;
    private final Clock clock;
    private final AccessPolicy accessPolicy;

    CaseWorklist(JdbcClient jdbc, ConsentService consents, AuditLog audit, Clock clock, AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first page, most urgent first. */
    @Transactional
    public List<Case> forActor(Actor actor) {
        return page(actor, 1).cases();
    }

    @Transactional
    public Page page(Actor actor, int page) {
        return page(actor, page, Sort.URGENCY, Show.ALL);
    }

    @Transactional
    public Page page(Actor actor, int page, Sort sort, Show show) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role has no worklist");
        }
        LocalDate today = LocalDate.now(clock);
        int number = Math.max(1, page);
        UUID[] plans = caseloadPlans(actor);
        UUID[] consentPersons = new UUID[0];
        String where = switch (show) {
            case ALL -> "true";
            case OVERDUE_STEPS -> "c.overdue > 0";
            case REVIEWS -> "c.review_on <= :horizon";
            case CONSENTS -> "c.person_id = ANY (:consentPersons)";
        };
        if (show == Show.CONSENTS) {
            consentPersons = consents.runningOut(actor, personsOf(plans), CONSENT_DAYS).stream()
                    .map(Consent::personId).distinct().toArray(UUID[]::new);
        }
        String order = switch (sort) {
            case URGENCY -> "least(c.next_due, c.review_on) NULLS LAST, y.last_name, y.first_name, c.plan_id";
            case NAME -> "y.last_name, y.first_name, c.plan_id";
        };
        long[] total = { 0 };
        var statement = jdbc.sql(CASES + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .param("user", actor.userId()).param("org", actor.organisationId().value()).param("today", today)
                .param("plans", plans).param("limit", PAGE_SIZE).param("offset", (number - 1) * PAGE_SIZE);
        if (show == Show.REVIEWS) {
            statement = statement.param("horizon", today.plusDays(HORIZON_DAYS));
        }
        if (show == Show.CONSENTS) {
            statement = statement.param("consentPersons", consentPersons);
        }
        List<Case> rows = statement.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return new Case(rs.getObject("person_id", UUID.class), rs.getString("name"), rs.getBoolean("coordinates"),
                    rs.getInt("open"), rs.getInt("overdue"), rs.getObject("next_due", LocalDate.class),
                    rs.getObject("review_on", LocalDate.class), null, today);
        }).list();
        if (rows.isEmpty() && number > 1) {
            total[0] = count(actor, plans, where, today, consentPersons);
        }
        // the consents of the persons shown: one read, marked per row
        Map<UUID, LocalDate> ending = consents.runningOut(actor, rows.stream().map(Case::personId).toList(),
                CONSENT_DAYS).stream().collect(Collectors.toMap(Consent::personId, Consent::validTo,
                        (a, b) -> a.isBefore(b) ? a : b));
        List<Case> cases = rows.stream().map(c -> new Case(c.personId(), c.personName(), c.coordinator(),
                c.openSteps(), c.overdueSteps(), c.nextDue(), c.reviewOn(), ending.get(c.personId()), today)).toList();
        int waiting = referralsWaiting(actor);
        // last in the transaction: the audit chain's lock is held only for the commit
        audit.recordEachIfAny(actor, cases.stream().map(Case::personId).distinct().toList(), AuditAction.SEARCH,
                AccessBasis.OWN_ORGANISATION, "arbetslista plan");
        return new Page(cases, total[0], number, waiting, sort, show);
    }

    private long count(Actor actor, UUID[] plans, String where, LocalDate today, UUID[] consentPersons) {
        var statement = jdbc.sql("SELECT count(*) FROM (" + CASES + where + ") w").param("user", actor.userId())
                .param("org", actor.organisationId().value()).param("today", today).param("plans", plans);
        if (where.contains(":horizon")) {
            statement = statement.param("horizon", today.plusDays(HORIZON_DAYS));
        }
        if (where.contains(":consentPersons")) {
            statement = statement.param("consentPersons", consentPersons);
        }
        return statement.query(Long.class).single();
    }

    /** The plans of the user's caseload: two index walks, no join (the statements over them probe by primary key). */
    UUID[] caseloadPlans(Actor actor) {
        UUID[] plans = jdbc.sql(CASELOAD).param("user", actor.userId()).param("org", actor.organisationId().value())
                .query(UUID.class).list().toArray(UUID[]::new);
        if (plans.length == 0 || (actor.domain() != null && actor.domain().wholeOrganisation())) {
            return plans;
        }
        // inside an organisation divided into lines of work, the list shows no one the plan page would refuse: of
        // the own organisation's persons only those the user's line holds or that are disclosed to it (PlanAccess)
        var owners = new HashMap<UUID, OrganisationId>();
        var personOf = new HashMap<UUID, UUID>();
        jdbc.sql("""
                SELECT p.id, p.person_id, r.owner_organisation_id FROM plan p JOIN registry_person r ON r.id = p.person_id
                 WHERE p.id = ANY (?) AND r.owner_organisation_id = ?""")
                .params(plans, actor.organisationId().value()).query((rs, n) -> {
                    UUID person = rs.getObject("person_id", UUID.class);
                    personOf.put(rs.getObject("id", UUID.class), person);
                    owners.put(person, new OrganisationId(rs.getLong("owner_organisation_id")));
                    return person;
                }).list();
        var allowed = accessPolicy.decideAll(actor, owners, ConsentScope.PLAN).keySet();
        return java.util.Arrays.stream(plans).filter(id -> !personOf.containsKey(id) || allowed.contains(personOf.get(id)))
                .toArray(UUID[]::new);
    }

    /** The young persons of these plans (no names: nothing shown, nothing to audit). */
    List<UUID> personsOf(UUID[] plans) {
        return plans.length == 0 ? List.of()
                : jdbc.sql("SELECT person_id FROM plan WHERE id = ANY (?)").param(plans).query(UUID.class).list();
    }

    /** Referrals to the user's organisation waiting for an answer (sent or received, not yet accepted or declined). */
    int referralsWaiting(Actor actor) {
        // a count only, no persons: nothing to audit
        return jdbc.sql("""
                SELECT count(*) FROM referral WHERE to_organisation_id = ? AND status IN ('SKICKAD', 'MOTTAGEN')""")
                .param(actor.organisationId().value()).query(Integer.class).single();
    }
}
