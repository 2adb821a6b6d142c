package se.lots.consent.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.consent.DisclosureProvision;
import se.lots.consent.LineDisclosure;
import se.lots.consent.NewLineDisclosure;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.SecrecyDomain;

@Repository
public class LineDisclosures {

    private static final String COLUMNS = """
            id, person_id, organisation_id, from_committee, from_line_of_work, to_committee, to_line_of_work, provision,
            reason, valid_from, valid_to, withdrawn_at, recorded_at""";

    private final JdbcClient jdbc;

    LineDisclosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(UUID personId, SecrecyDomain from, NewLineDisclosure d, long recordedBy) {
        return jdbc.sql("""
                INSERT INTO line_disclosure (person_id, organisation_id, from_committee, from_line_of_work, to_committee,
                                             to_line_of_work, provision, reason, valid_from, valid_to, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, from.organisationId().value(), from.committee(), from.lineOfWork().name(),
                        d.toCommittee() == null ? "" : d.toCommittee().strip(), d.toLineOfWork().name(),
                        d.provision().name(), d.reason().strip(), d.validFrom(), d.validTo(), recordedBy)
                .query(UUID.class).single();
    }

    public Optional<LineDisclosure> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM line_disclosure WHERE id = ?").param(id)
                .query(LineDisclosures::disclosure).optional();
    }

    public List<LineDisclosure> forPerson(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM line_disclosure WHERE person_id = ? ORDER BY recorded_at DESC")
                .param(personId).query(LineDisclosures::disclosure).list();
    }

    public boolean withdraw(UUID id, long userId) {
        return jdbc.sql("UPDATE line_disclosure SET withdrawn_at = now(), withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL")
                .params(userId, id).update() == 1;
    }

    /** The disclosure in force today that opens the person's record to the domain, the longest running first. */
    public Optional<LineDisclosure> activeFor(UUID personId, SecrecyDomain to, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM line_disclosure
                WHERE person_id = ? AND organisation_id = ? AND to_line_of_work = ? AND to_committee = ?
                  AND withdrawn_at IS NULL AND valid_from <= ? AND valid_to >= ?
                ORDER BY valid_to DESC LIMIT 1""")
                .params(personId, to.organisationId().value(), to.lineOfWork().name(), to.committee(), today, today)
                .query(LineDisclosures::disclosure).optional();
    }

    /** Persons of the organisation disclosed to the domain today. */
    public List<UUID> disclosedTo(SecrecyDomain to, LocalDate today) {
        return jdbc.sql("""
                SELECT DISTINCT person_id FROM line_disclosure
                 WHERE organisation_id = ? AND to_line_of_work = ? AND to_committee = ?
                   AND withdrawn_at IS NULL AND valid_from <= ? AND valid_to >= ?""")
                .params(to.organisationId().value(), to.lineOfWork().name(), to.committee(), today, today)
                .query(UUID.class).list();
    }

    private static LineDisclosure disclosure(ResultSet rs, int row) throws SQLException {
        return new LineDisclosure(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")), rs.getString("from_committee"),
                LineOfWork.valueOf(rs.getString("from_line_of_work")), rs.getString("to_committee"),
                LineOfWork.valueOf(rs.getString("to_line_of_work")),
                DisclosureProvision.valueOf(rs.getString("provision")), rs.getString("reason"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                instant(rs, "withdrawn_at"), instant(rs, "recorded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
