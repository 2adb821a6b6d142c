package se.lots.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * plans they coordinate whose review date has passed or is near. Steps are the worker's own organisation's, so
 * they need no consent; each person shown is audited.
 */
@Service
public class CaseWorklist {

    public static final int HORIZON_DAYS = 14;
    private static final int LIMIT = 200;

    public record Item(UUID personId, String personName, String what, LocalDate due, boolean overdue, boolean review) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CaseWorklist(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<Item> forActor(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role has no worklist");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        var items = new ArrayList<Item>();
        items.addAll(jdbc.sql("""
                SELECT p.person_id, y.first_name || ' ' || y.last_name AS name, s.title, s.due_on
                  FROM plan_step s JOIN plan p ON p.id = s.plan_id JOIN young_person y ON y.id = p.person_id
                 WHERE s.responsible_user_id = ? AND s.organisation_id = ? AND s.status IN ('PLANERAD', 'PAGAR')
                   AND s.due_on <= ?
                 ORDER BY s.due_on LIMIT ?""")
                .params(actor.userId(), actor.organisationId(), horizon, LIMIT)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    return new Item(rs.getObject("person_id", UUID.class), rs.getString("name"),
                            rs.getString("title"), due, due.isBefore(today), false);
                }).list());
        items.addAll(jdbc.sql("""
                SELECT p.person_id, y.first_name || ' ' || y.last_name AS name, p.next_review_on
                  FROM plan p JOIN young_person y ON y.id = p.person_id
                 WHERE p.coordinator_user_id = ? AND p.next_review_on <= ?
                 ORDER BY p.next_review_on LIMIT ?""")
                .params(actor.userId(), horizon, LIMIT)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("next_review_on", LocalDate.class);
                    return new Item(rs.getObject("person_id", UUID.class), rs.getString("name"), null, due,
                            due.isBefore(today), true);
                }).list());
        items.sort((a, b) -> a.due().compareTo(b.due()));
        audit.recordEachIfAny(actor, items.stream().map(Item::personId).distinct().toList(), AuditAction.SEARCH,
                AccessBasis.OWN_ORGANISATION, "arbetslista plan");
        return items;
    }
}
