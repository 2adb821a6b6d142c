package se.lots.kaa.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
public class ContactAttempts {

    private final JdbcClient jdbc;

    ContactAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            SELECT c.id, c.person_id, c.channel, c.contacted_on, c.staff_user_id, u.display_name, c.outcome,
                   c.with_guardian, c.note
              FROM contact_attempt c JOIN organisation_staff u ON u.id = c.staff_user_id""";

    public List<ContactAttempt> forPerson(OrganisationId organisationId, UUID personId) {
        return jdbc.sql(SELECT + " WHERE c.organisation_id = ? AND c.person_id = ?"
                + " ORDER BY c.contacted_on DESC, c.recorded_at DESC")
                .params(organisationId.value(), personId).query(ContactAttempts::attempt).list();
    }

    ContactAttempt byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(ContactAttempts::attempt).single();
    }

    private static ContactAttempt attempt(ResultSet rs, int row) throws SQLException {
        return new ContactAttempt(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                ContactChannel.valueOf(rs.getString("channel")), rs.getObject("contacted_on", LocalDate.class),
                rs.getLong("staff_user_id"), rs.getString("display_name"),
                ContactOutcome.valueOf(rs.getString("outcome")), rs.getBoolean("with_guardian"),
                rs.getString("note"));
    }

    public UUID insert(OrganisationId organisationId, ContactAttempt c, long recordedBy) {
        return jdbc.sql("""
                INSERT INTO contact_attempt (person_id, organisation_id, channel, contacted_on, staff_user_id, outcome,
                                             with_guardian, note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.personId(), organisationId.value(), c.channel().name(), c.contactedOn(), c.staffUserId(),
                        c.outcome().name(), c.withGuardian(), c.note(), recordedBy)
                .query(UUID.class).single();
    }
}
