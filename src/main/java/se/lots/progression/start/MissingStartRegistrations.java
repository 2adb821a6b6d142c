package se.lots.progression.start;

import java.time.LocalDate;
import java.util.LinkedHashSet;
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
 * Open enrolments the case worker is the contact person of that have no start registration yet (nor went anonymous):
 * the SUS registration at the start is made near the start, or the enrolment is missing from the follow-up. Read
 * through the plan module's published views; each person shown is audited.
 */
@Service
public class MissingStartRegistrations {

    public record Item(UUID enrolmentId, UUID personId, String personName, String programme, LocalDate startedOn) {
    }

    public record Missing(long count, List<Item> items) {

        public boolean more() {
            return count > items.size();
        }
    }

    // the enrolment_contact_open index (V50) finds the user's open enrolments; the rest are primary-key probes
    private static final String MISSING = """
            SELECT e.id, e.person_id, y.first_name || ' ' || y.last_name AS name, pr.name AS programme, e.started_on,
                   count(*) OVER () AS total
              FROM plan_enrolment e
              JOIN plan_programme pr ON pr.id = e.programme_id
              JOIN registry_person y ON y.id = e.person_id
             WHERE e.contact_user_id = :user AND e.organisation_id = :org AND e.ended_on IS NULL
               AND NOT EXISTS (SELECT 1 FROM participant p JOIN registration r ON r.participant_id = p.id
                                WHERE p.enrolment_id = e.id AND r.kind = 'START')
               AND NOT EXISTS (SELECT 1 FROM anonymous_enrolment a WHERE a.enrolment_id = e.id)
             ORDER BY e.started_on, e.id LIMIT :limit""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    MissingStartRegistrations(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The first {@code limit}, oldest enrolment first, and how many there are. */
    @Transactional
    public Missing first(Actor actor, int limit, String auditDetail) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role reads no personal data");
        }
        long[] total = { 0 };
        List<Item> items = jdbc.sql(MISSING).param("user", actor.userId())
                .param("org", actor.organisationId().value()).param("limit", limit).query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new Item(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                            rs.getString("name"), rs.getString("programme"),
                            rs.getObject("started_on", LocalDate.class));
                }).list();
        audit.recordEachIfAny(actor, new LinkedHashSet<>(items.stream().map(Item::personId).toList()),
                AuditAction.SEARCH, AccessBasis.OWN_ORGANISATION, auditDetail);
        return new Missing(total[0], items);
    }
}
