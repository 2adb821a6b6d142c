package se.lots.plan.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.plan.JourneyKind;
import se.lots.plan.PlanAccess;

/** The journey timeline: written in the same transaction as each change, read newest first. */
@Repository
public class Journey {

    private final JdbcClient jdbc;

    Journey(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID personId, OrganisationId organisationId, Long userId, LocalDate occurredOn,
            JourneyKind kind, String summary, String code, boolean confidential, UUID refId) {
        jdbc.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, kind, summary, code,
                                           confidential, ref_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, organisationId.value(), userId, occurredOn, kind.name(), summary, code, confidential,
                        refId)
                .update();
    }

    /** The events the view shows, newest first; {@code limit} keeps a long journey's page quick. */
    public List<JourneyEvent> timeline(PlanAccess.View view, int limit) {
        return jdbc.sql("""
                SELECT e.id, e.person_id, e.organisation_id, e.user_id, u.display_name, e.occurred_on, e.recorded_at,
                       e.kind, e.summary, e.code, e.confidential, o.name AS organisation_name, e.ref_id
                  FROM journey_event e LEFT JOIN organisation_staff u ON u.id = e.user_id
                  JOIN organisation_directory o ON o.id = e.organisation_id
                 WHERE e.person_id = :person
                   AND (e.organisation_id = :org OR (:shared AND NOT e.confidential))
                 ORDER BY e.occurred_on DESC, e.id DESC
                 LIMIT :limit""")
                .param("person", view.personId()).param("org", view.organisationId().value())
                .param("shared", view.shared())
                .param("limit", limit).query(Journey::event).list();
    }

    private static JourneyEvent event(ResultSet rs, int row) throws SQLException {
        return new JourneyEvent(rs.getLong("id"), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")),
                rs.getObject("user_id", Long.class), rs.getString("display_name"), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), JourneyKind.valueOf(rs.getString("kind")),
                rs.getString("summary"), rs.getString("code"), rs.getString("organisation_name"), rs.getBoolean("confidential"), rs.getObject("ref_id", UUID.class));
    }
}
