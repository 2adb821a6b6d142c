package se.lots.plan.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.security.Actor;

/**
 * The case worker's own worklist: open steps they are named for that are overdue or due within two weeks, and the
 * plans they coordinate whose review date has passed or is near, earliest first, a page at a time. Steps are the
 * worker's own organisation's, so they need no consent; each person shown is audited.
 */
@Service
public class CaseWorklist {

    public static final int HORIZON_DAYS = 14;
    public static final int PAGE_SIZE = 50;

    public record Item(UUID personId, String personName, String what, LocalDate due, boolean overdue, boolean review) {
    }

    /** One page of the worklist; {@code total} counts every item, {@code page} starts at 1. */
    public record Page(List<Item> items, long total, int page, int referralsWaiting) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    // the steps and the reviews as one list in date order: PostgreSQL merges the two index walks and stops at the page
    private static final String ITEMS = """
            SELECT s.id AS item_id, p.person_id, s.title, s.due_on AS due, false AS review
              FROM plan_step s JOIN plan p ON p.id = s.plan_id
             WHERE s.responsible_user_id = :user AND s.organisation_id = :org AND s.status IN ('PLANERAD', 'PAGAR')
               AND s.due_on <= :horizon
            UNION ALL
            SELECT p.id, p.person_id, NULL, p.next_review_on, true
              FROM plan p
             WHERE p.coordinator_user_id = :user AND p.next_review_on <= :horizon""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CaseWorklist(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The first page. */
    @Transactional
    public List<Item> forActor(Actor actor) {
        return page(actor, 1).items();
    }

    @Transactional
    public Page page(Actor actor, int page) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role has no worklist");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        int number = Math.max(1, page);
        List<Item> items = jdbc.sql("SELECT w.person_id, y.first_name || ' ' || y.last_name AS name, w.title, w.due, "
                + "w.review FROM (" + ITEMS + " ORDER BY due, item_id LIMIT :limit OFFSET :offset) w "
                + "JOIN registry_person y ON y.id = w.person_id ORDER BY w.due, w.item_id")
                .param("user", actor.userId()).param("org", actor.organisationId().value()).param("horizon", horizon)
                .param("limit", PAGE_SIZE).param("offset", (number - 1) * PAGE_SIZE)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due", LocalDate.class);
                    return new Item(rs.getObject("person_id", UUID.class), rs.getString("name"),
                            rs.getString("title"), due, due.isBefore(today), rs.getBoolean("review"));
                }).list();
        long total = items.size() < PAGE_SIZE && number == 1 ? items.size()
                : jdbc.sql("SELECT count(*) FROM (" + ITEMS + ") w").param("user", actor.userId())
                        .param("org", actor.organisationId().value()).param("horizon",
                        horizon).query(Long.class).single();
        // a count only, no persons: nothing to audit
        int waiting = jdbc.sql("""
                SELECT count(*) FROM referral WHERE to_organisation_id = ? AND status IN ('SKICKAD', 'MOTTAGEN')""")
                .param(actor.organisationId().value()).query(Integer.class).single();
        audit.recordEachIfAny(actor, items.stream().map(Item::personId).distinct().toList(), AuditAction.SEARCH,
                AccessBasis.OWN_ORGANISATION, "arbetslista plan");
        return new Page(items, total, number, waiting);
    }
}
