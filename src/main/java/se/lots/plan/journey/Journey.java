package se.lots.plan.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.plan.JourneyEventRemoved;
import se.lots.plan.JourneyKind;
import se.lots.plan.JourneyRecorded;
import se.lots.plan.PlanAccess;

/**
 * The journey timeline: written in the same transaction as each change, read newest first. Every write publishes an
 * event ({@link JourneyRecorded}, {@link JourneyEventRemoved}) in the writing transaction: the follow-up module
 * counts contacts and group activities from them.
 */
@Repository
public class Journey {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Journey(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID personId, OrganisationId organisationId, Long userId, LocalDate occurredOn,
            JourneyKind kind, String summary, String code, boolean confidential, UUID refId) {
        jdbc.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, kind, summary, code,
                                           confidential, ref_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, organisationId.value(), userId, occurredOn, kind.name(), summary, code, confidential,
                        refId)
                .update();
        events.publishEvent(new JourneyRecorded(personId, organisationId, occurredOn, kind));
    }

    /**
     * Removes a row from the journey (a correction; gallring when the privacy work brings it): the journey is
     * otherwise append-only, and this is the one way a row leaves it. False when there is no such row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remove(long eventId) {
        return jdbc.sql("DELETE FROM journey_event WHERE id = ? RETURNING person_id, organisation_id, occurred_on, kind")
                .param(eventId).query(Journey::removed).optional().map(removed -> {
                    events.publishEvent(removed);
                    return true;
                }).orElse(false);
    }

    /** Moves a row to another day (a contact dated wrongly): published as the old day removed, the new recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean redate(long eventId, LocalDate occurredOn) {
        var before = jdbc.sql("""
                SELECT person_id, organisation_id, occurred_on, kind FROM journey_event WHERE id = ? FOR UPDATE""")
                .param(eventId).query(Journey::removed).optional();
        before.ifPresent(was -> {
            jdbc.sql("UPDATE journey_event SET occurred_on = ? WHERE id = ?").params(occurredOn, eventId).update();
            events.publishEvent(was);
            events.publishEvent(new JourneyRecorded(was.personId(), was.organisationId(), occurredOn, was.kind()));
        });
        return before.isPresent();
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

    private static JourneyEventRemoved removed(ResultSet rs, int row) throws SQLException {
        return new JourneyEventRemoved(rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")),
                rs.getObject("occurred_on", LocalDate.class), JourneyKind.valueOf(rs.getString("kind")));
    }

    private static JourneyEvent event(ResultSet rs, int row) throws SQLException {
        return new JourneyEvent(rs.getLong("id"), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")),
                rs.getObject("user_id", Long.class), rs.getString("display_name"), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), JourneyKind.valueOf(rs.getString("kind")),
                rs.getString("summary"), rs.getString("code"), rs.getString("organisation_name"), rs.getBoolean("confidential"), rs.getObject("ref_id", UUID.class));
    }
}
