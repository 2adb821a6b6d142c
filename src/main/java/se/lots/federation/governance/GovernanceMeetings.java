package se.lots.federation.governance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.federation.application.YearAmount;
import se.lots.organisation.OrganisationId;

/** GovernanceMeetings, participants, agenda items and the board's decisions (organisation and user names from the views). */
@Repository
class GovernanceMeetings {

    private final JdbcClient jdbc;

    GovernanceMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(OrganisationId federation, GoverningBody body, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt,
            String place, long userId, Instant at) {
        return jdbc.sql("""
                INSERT INTO federation_meeting (federation_id, body, held_on, starts_at, ends_at, place, created_by,
                                                created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(federation.value(), body.name(), heldOn, startsAt, endsAt, place, userId, Timestamp.from(at))
                .query(Long.class).single();
    }

    List<MeetingSummary> ofFederation(OrganisationId federation) {
        return jdbc.sql("""
                SELECT m.id, m.body, m.held_on, m.starts_at, m.place, m.approved_at,
                       (SELECT count(*) FROM federation_agenda_item i WHERE i.meeting_id = m.id) AS items
                  FROM federation_meeting m WHERE m.federation_id = ?
                 ORDER BY m.held_on DESC, m.starts_at DESC, m.id DESC LIMIT 500""").param(federation.value())
                .query((rs, n) -> new MeetingSummary(rs.getLong("id"), GoverningBody.valueOf(rs.getString("body")),
                        rs.getObject("held_on", LocalDate.class), rs.getObject("starts_at", LocalTime.class),
                        rs.getString("place"), rs.getInt("items"), instant(rs, "approved_at")))
                .list();
    }

    /** The meeting without its participants and items; {@code lock} keeps its row until the transaction ends. */
    Optional<GovernanceMeeting> find(long id, boolean lock) {
        return jdbc.sql("""
                SELECT m.*, f.name AS federation_name, c.display_name AS created_by_name,
                       a.display_name AS approved_by_name
                  FROM federation_meeting m JOIN organisation_directory f ON f.id = m.federation_id
                  LEFT JOIN organisation_staff c ON c.id = m.created_by
                  LEFT JOIN organisation_staff a ON a.id = m.approved_by
                 WHERE m.id = ?""" + (lock ? " FOR UPDATE OF m" : "")).param(id)
                .query((rs, n) -> new GovernanceMeeting(rs.getLong("id"),
                        new OrganisationId(rs.getLong("federation_id")), rs.getString("federation_name"),
                        GoverningBody.valueOf(rs.getString("body")), rs.getObject("held_on", LocalDate.class),
                        rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                        rs.getString("place"), rs.getString("created_by_name"), rs.getString("approved_by_name"),
                        instant(rs, "approved_at"), rs.getInt("version"), List.of(), List.of()))
                .optional();
    }

    List<GovernanceMeeting.MeetingParticipant> participants(long meetingId) {
        return jdbc.sql("""
                SELECT p.*, o.name AS organisation_name FROM federation_meeting_participant p
                  JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE p.meeting_id = ? ORDER BY p.id""").param(meetingId)
                .query((rs, n) -> new GovernanceMeeting.MeetingParticipant(rs.getLong("id"), rs.getString("name"),
                        new OrganisationId(rs.getLong("organisation_id")), rs.getString("organisation_name"),
                        rs.getString("role"), rs.getBoolean("present")))
                .list();
    }

    /** The agenda in order, without decisions (the application feature reads them). */
    List<GovernanceMeeting.AgendaItem> items(long meetingId) {
        return jdbc.sql("""
                SELECT i.*, a.title AS application_title, p.name AS programme_name FROM federation_agenda_item i
                  LEFT JOIN federation_application a ON a.id = i.application_id
                  LEFT JOIN plan_programme p ON p.id = i.programme_id
                 WHERE i.meeting_id = ? ORDER BY i.position""").param(meetingId)
                .query((rs, n) -> new GovernanceMeeting.AgendaItem(rs.getLong("id"), rs.getInt("position"),
                        rs.getString("heading"), (Long) rs.getObject("application_id"),
                        rs.getString("application_title"), (Long) rs.getObject("programme_id"),
                        rs.getString("programme_name"), rs.getString("statement"), rs.getString("minutes"),
                        List.of(), null))
                .list();
    }

    /** Bumps the meeting's version when it still is {@code version}; false when someone saved since. */
    boolean touch(long meetingId, int version) {
        return jdbc.sql("UPDATE federation_meeting SET version = version + 1 WHERE id = ? AND version = ?")
                .params(meetingId, version).update() == 1;
    }

    void approve(long meetingId, long userId, Instant at) {
        jdbc.sql("""
                UPDATE federation_meeting SET approved_by = ?, approved_at = ?, version = version + 1
                 WHERE id = ?""").params(userId, Timestamp.from(at), meetingId).update();
    }

    long addParticipant(long meetingId, String name, OrganisationId organisation, String role, boolean present) {
        return jdbc.sql("""
                INSERT INTO federation_meeting_participant (meeting_id, name, organisation_id, role, present)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(meetingId, name, organisation.value(), role, present).query(Long.class).single();
    }

    long addItem(long meetingId, String heading, Long applicationId, Long programmeId) {
        return jdbc.sql("""
                INSERT INTO federation_agenda_item (meeting_id, position, heading, application_id, programme_id)
                VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM federation_agenda_item WHERE meeting_id = ?),
                        ?, ?, ?) RETURNING id""")
                .params(meetingId, meetingId, heading, applicationId, programmeId).query(Long.class).single();
    }

    boolean setItemMinutes(long meetingId, long itemId, String statement, String minutes) {
        return jdbc.sql("UPDATE federation_agenda_item SET statement = ?, minutes = ? WHERE id = ? AND meeting_id = ?")
                .params(statement, minutes, itemId, meetingId).update() == 1;
    }

    long insertDecision(long applicationId, long agendaItemId, String outcome, LocalDate decidedOn, String conditions,
            Long supersedes, long userId, Instant at, List<YearAmount> grants, List<LocalDate> reportingDates) {
        long id = jdbc.sql("""
                INSERT INTO federation_decision (application_id, agenda_item_id, outcome, decided_on, conditions,
                                                 supersedes_id, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(applicationId, agendaItemId, outcome, decidedOn, conditions, supersedes, userId,
                        Timestamp.from(at))
                .query(Long.class).single();
        for (YearAmount g : grants) {
            jdbc.sql("INSERT INTO federation_decision_grant (decision_id, year, amount) VALUES (?, ?, ?)")
                    .params(id, g.year(), (BigDecimal) g.amount()).update();
        }
        for (LocalDate d : reportingDates) {
            jdbc.sql("INSERT INTO federation_decision_reporting_date (decision_id, due_on) VALUES (?, ?)")
                    .params(id, d).update();
        }
        return id;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
