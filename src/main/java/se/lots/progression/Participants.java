package se.lots.progression;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Participants {

    private static final String COLUMNS = "id, programme_id, organisation_id, enrolment_id, anonymous_reason, gender,"
            + " birth_year, municipality_code, started_on, ended_on FROM participant";

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Participant> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(Participants::participant).optional();
    }

    Optional<Participant> ofEnrolment(UUID enrolmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE enrolment_id = ?").param(enrolmentId)
                .query(Participants::participant).optional();
    }

    List<Participant> anonymousOfProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE programme_id = ? AND enrolment_id IS NULL ORDER BY started_on DESC")
                .param(programmeId).query(Participants::participant).list();
    }

    List<Participant> ofProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE programme_id = ? ORDER BY started_on DESC")
                .param(programmeId).query(Participants::participant).list();
    }

    /** The enrolment's participant row, made on first use. */
    UUID insert(long programmeId, long organisationId, UUID enrolmentId, AnonymousReason reason, String gender,
            int birthYear, String municipalityCode, LocalDate startedOn, LocalDate endedOn, long userId) {
        return jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, anonymous_reason, gender, birth_year,
                                         municipality_code, started_on, ended_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(programmeId, organisationId, enrolmentId, reason == null ? null : reason.name(), gender,
                        birthYear, municipalityCode, startedOn, endedOn, userId)
                .query(UUID.class).single();
    }

    void setEnded(UUID id, LocalDate endedOn) {
        jdbc.sql("UPDATE participant SET ended_on = ? WHERE id = ?").params(endedOn, id).update();
    }

    boolean registeredAnonymously(UUID enrolmentId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM anonymous_enrolment WHERE enrolment_id = ?)").param(enrolmentId)
                .query(Boolean.class).single();
    }

    void markAnonymous(UUID enrolmentId) {
        jdbc.sql("INSERT INTO anonymous_enrolment (enrolment_id) VALUES (?)").param(enrolmentId).update();
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("anonymous_reason");
        return new Participant(rs.getObject("id", UUID.class), rs.getLong("programme_id"),
                rs.getLong("organisation_id"), rs.getObject("enrolment_id", UUID.class),
                reason == null ? null : AnonymousReason.valueOf(reason), rs.getString("gender"),
                rs.getInt("birth_year"), rs.getString("municipality_code"),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class));
    }
}
