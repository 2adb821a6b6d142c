package se.lots.plan.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.plan.PlanAccess;

/** Meetings, their organisations (with the consent covering each) and participants, in SQL. */
@Repository
public class Meetings {

    private static final String COLUMNS = """
            m.id, m.person_id, m.kind, m.held_on, m.organisation_id, o.name AS organisation_name,
            m.young_person_present, m.guardian_present, m.minutes, m.next_meeting_on, m.coordinator_user_id,
            c.display_name AS coordinator_name, m.version
              FROM meeting m JOIN organisation_directory o ON o.id = m.organisation_id
                             LEFT JOIN organisation_staff c ON c.id = m.coordinator_user_id""";

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Organisation id to name, in the order asked; unknown ids are left out. */
    public Map<OrganisationId, String> organisationNames(Collection<OrganisationId> ids) {
        var names = new LinkedHashMap<OrganisationId, String>();
        if (ids.isEmpty()) {
            return names;
        }
        var found = new java.util.HashMap<OrganisationId, String>();
        jdbc.sql("SELECT id, name FROM organisation_directory WHERE id IN (:ids)")
                .param("ids", ids.stream().map(OrganisationId::value).toList())
                .query((rs, n) -> found.put(new OrganisationId(rs.getLong("id")), rs.getString("name"))).list();
        ids.forEach(id -> {
            if (found.containsKey(id)) {
                names.put(id, found.get(id));
            }
        });
        return names;
    }

    public UUID insert(UUID personId, UUID planId, MeetingKind kind, LocalDate heldOn, OrganisationId organisationId,
            boolean youngPersonPresent, boolean guardianPresent, String minutes, long userId) {
        return jdbc.sql("""
                INSERT INTO meeting (person_id, plan_id, kind, held_on, organisation_id, young_person_present,
                                     guardian_present, minutes, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, planId, kind.name(), heldOn, organisationId.value(), youngPersonPresent,
                        guardianPresent, minutes, userId)
                .query(UUID.class).single();
    }

    public void addOrganisation(UUID meetingId, OrganisationId organisationId, UUID consentId) {
        jdbc.sql("INSERT INTO meeting_organisation (meeting_id, organisation_id, consent_id) VALUES (?, ?, ?)")
                .params(meetingId, organisationId.value(), consentId).update();
    }

    public void addParticipant(UUID meetingId, Meeting.Participant p) {
        jdbc.sql("INSERT INTO meeting_participant (meeting_id, organisation_id, user_id, name, role) VALUES (?, ?, ?, ?, ?)")
                .params(meetingId, p.organisationId() == null ? null : p.organisationId().value(), p.userId(),
                        p.name().strip(), p.role())
                .update();
    }

    /** Saves the minutes only if nobody saved since {@code version}; false means someone did. */
    public boolean recordMinutes(UUID meetingId, String minutes, LocalDate nextMeetingOn, Long coordinatorUserId,
            int version) {
        return jdbc.sql("""
                UPDATE meeting SET minutes = ?, next_meeting_on = ?, coordinator_user_id = ?, version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(minutes, nextMeetingOn, coordinatorUserId, meetingId, version).update() == 1;
    }

    public Optional<Meeting> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE m.id = ?").param(id).query(this::meeting).optional();
    }

    /** The person's meetings the view may see: shown by the view, or with the viewer's organisation taking part. */
    public List<Meeting> forPerson(PlanAccess.View view) {
        return jdbc.sql("SELECT " + COLUMNS + "\n" + """
                 WHERE m.person_id = :person
                   AND (m.organisation_id = :org OR :shared)
                 ORDER BY m.held_on DESC, m.created_at DESC""")
                .param("person", view.personId()).param("org", view.organisationId().value())
                .param("shared", view.shared()).query(this::meeting).list();
    }

    private Meeting meeting(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var orgs = jdbc.sql("""
                SELECT mo.organisation_id, o.name, mo.consent_id
                  FROM meeting_organisation mo JOIN organisation_directory o ON o.id = mo.organisation_id
                 WHERE mo.meeting_id = ? ORDER BY o.name""").param(id)
                .query((r, n) -> new Meeting.Party(new OrganisationId(r.getLong(1)), r.getString(2),
                        r.getObject(3, UUID.class)))
                .list();
        var people = jdbc.sql("""
                SELECT name, organisation_id, user_id, role FROM meeting_participant
                 WHERE meeting_id = ? ORDER BY id""").param(id)
                .query((r, n) -> new Meeting.Participant(r.getString(1),
                        OrganisationId.ofNullable(r.getObject(2, Long.class)),
                        r.getObject(3, Long.class), r.getString(4))).list();
        return new Meeting(id, rs.getObject("person_id", UUID.class), MeetingKind.valueOf(rs.getString("kind")),
                rs.getObject("held_on", LocalDate.class), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("organisation_name"), rs.getBoolean("young_person_present"),
                rs.getBoolean("guardian_present"), rs.getString("minutes"),
                rs.getObject("next_meeting_on", LocalDate.class), rs.getObject("coordinator_user_id", Long.class),
                rs.getString("coordinator_name"), orgs, people, rs.getInt("version"));
    }
}
