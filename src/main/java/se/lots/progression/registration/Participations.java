package se.lots.progression.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;

/** The {@code participant} table: one participation per followed-up enrolment, or an anonymous one. */
@Repository
class Participations {

    private static final String COLUMNS = "id, programme_id, organisation_id, enrolment_id, anonymous_reason, gender,"
            + " birth_year, municipality_code, started_on, ended_on FROM participant";

    private final JdbcClient jdbc;

    Participations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Participation> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(Participations::participation).optional();
    }

    Optional<Participation> ofEnrolment(UUID enrolmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE enrolment_id = ?").param(enrolmentId)
                .query(Participations::participation).optional();
    }

    List<Participation> anonymousOfProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE programme_id = ? AND enrolment_id IS NULL ORDER BY started_on DESC")
                .param(programmeId).query(Participations::participation).list();
    }

    List<Participation> ofProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE programme_id = ? ORDER BY started_on DESC")
                .param(programmeId).query(Participations::participation).list();
    }

    /** A programme's participant rows with whether START and SLUT exist, and which enrolments went anonymous. */
    record FollowUpRow(UUID participationId, UUID enrolmentId, LocalDate startedOn, LocalDate endedOn,
            boolean hasStart, boolean hasEnd, boolean anonymousMarker) {
    }

    List<FollowUpRow> followUpOf(long programmeId, List<UUID> enrolmentIds) {
        return jdbc.sql("""
                SELECT p.id, p.enrolment_id, p.started_on, p.ended_on,
                       EXISTS (SELECT 1 FROM registration r WHERE r.participant_id = p.id AND r.kind = 'START'),
                       EXISTS (SELECT 1 FROM registration r WHERE r.participant_id = p.id AND r.kind = 'SLUT'), false
                  FROM participant p WHERE p.programme_id = ?
                UNION ALL
                SELECT NULL, a.enrolment_id, NULL, NULL, false, false, true
                  FROM anonymous_enrolment a WHERE a.enrolment_id = ANY (?)
                ORDER BY 3 DESC""")
                .params(programmeId, enrolmentIds.toArray(UUID[]::new))
                .query((rs, n) -> new FollowUpRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBoolean(5),
                        rs.getBoolean(6), rs.getBoolean(7)))
                .list();
    }

    /** The enrolment's participant row, made on first use. */
    UUID insert(long programmeId, OrganisationId organisationId, UUID enrolmentId, AnonymousReason reason,
            String gender,
            int birthYear, MunicipalityCode municipalityCode, LocalDate startedOn, LocalDate endedOn, long userId) {
        return jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, anonymous_reason, gender, birth_year,
                                         municipality_code, started_on, ended_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(programmeId, organisationId.value(), enrolmentId, reason == null ? null : reason.name(), gender,
                        birthYear, municipalityCode == null ? null : municipalityCode.value(), startedOn, endedOn,
                        userId)
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

    private static Participation participation(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("anonymous_reason");
        return new Participation(rs.getObject("id", UUID.class), rs.getLong("programme_id"),
                new OrganisationId(rs.getLong("organisation_id")), rs.getObject("enrolment_id", UUID.class),
                reason == null ? null : AnonymousReason.valueOf(reason), rs.getString("gender"),
                rs.getInt("birth_year"), MunicipalityCode.ofNullable(rs.getString("municipality_code")),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class));
    }
}
