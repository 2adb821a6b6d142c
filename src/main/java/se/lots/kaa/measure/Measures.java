package se.lots.kaa.measure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class Measures {

    // the episode's first offer: earliest offered_on, the earlier recorded one on a tie
    private static final String SELECT = """
            SELECT m.id, m.episode_id, m.person_id, m.category_code, c.name_sv, m.content, m.responsible,
                   m.responsible_actor, m.offered_on, m.started_on, m.ended_on, m.end_reason, m.follow_up_on,
                   m.declined,
                   m.offered_on IS NOT NULL AND m.id = (
                       SELECT f.id FROM kaa_measure f WHERE f.episode_id = m.episode_id AND f.offered_on IS NOT NULL
                        ORDER BY f.offered_on, f.recorded_at LIMIT 1) AS first_offered
              FROM kaa_measure m JOIN kaa_measure_category c ON c.code = m.category_code""";

    private final JdbcClient jdbc;

    Measures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Measure> forPerson(OrganisationId organisationId, UUID personId) {
        return jdbc.sql(SELECT + " WHERE m.organisation_id = ? AND m.person_id = ?"
                + " ORDER BY coalesce(m.offered_on, m.started_on) DESC, m.recorded_at DESC")
                .params(organisationId.value(), personId).query(Measures::measure).list();
    }

    Optional<Measure> byId(OrganisationId organisationId, UUID id) {
        return jdbc.sql(SELECT + " WHERE m.organisation_id = ? AND m.id = ?").params(organisationId.value(), id)
                .query(Measures::measure).optional();
    }

    UUID insert(OrganisationId organisationId, Measure m, long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_measure (episode_id, person_id, organisation_id, category_code, content, responsible,
                                         responsible_actor, offered_on, started_on, ended_on, end_reason,
                                         follow_up_on, declined, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(m.episodeId(), m.personId(), organisationId.value(), m.categoryCode(), m.content(),
                        m.responsible().name(), m.responsibleActor(), m.offeredOn(), m.startedOn(), m.endedOn(),
                        m.endReason() == null ? null : m.endReason().name(), m.followUpOn(), m.declined(), userId)
                .query(UUID.class).single();
    }

    void update(OrganisationId organisationId, Measure m) {
        jdbc.sql("""
                UPDATE kaa_measure SET category_code = ?, content = ?, responsible = ?, responsible_actor = ?,
                       offered_on = ?, started_on = ?, ended_on = ?, end_reason = ?, follow_up_on = ?, declined = ?,
                       updated_at = now()
                 WHERE organisation_id = ? AND id = ?""")
                .params(m.categoryCode(), m.content(), m.responsible().name(), m.responsibleActor(), m.offeredOn(),
                        m.startedOn(), m.endedOn(), m.endReason() == null ? null : m.endReason().name(),
                        m.followUpOn(), m.declined(), organisationId.value(), m.id())
                .update();
    }

    /** Locks the row for the rest of the transaction; false when the organisation has no such measure. */
    boolean lock(OrganisationId organisationId, UUID id) {
        return jdbc.sql("SELECT id FROM kaa_measure WHERE organisation_id = ? AND id = ? FOR UPDATE")
                .params(organisationId.value(), id).query(UUID.class).optional().isPresent();
    }

    /** Only the start: what else someone saved on the measure meanwhile stays. */
    void start(OrganisationId organisationId, UUID id, LocalDate startedOn) {
        jdbc.sql("UPDATE kaa_measure SET started_on = ?, updated_at = now() WHERE organisation_id = ? AND id = ?")
                .params(startedOn, organisationId.value(), id).update();
    }

    /** Only the end and its reason: what else someone saved on the measure meanwhile stays. */
    void end(OrganisationId organisationId, UUID id, LocalDate endedOn, MeasureEndReason reason) {
        jdbc.sql("UPDATE kaa_measure SET ended_on = ?, end_reason = ?, updated_at = now()"
                + " WHERE organisation_id = ? AND id = ?")
                .params(endedOn, reason.name(), organisationId.value(), id).update();
    }

    private static Measure measure(ResultSet rs, int row) throws SQLException {
        String end = rs.getString("end_reason");
        return new Measure(rs.getObject("id", UUID.class), rs.getObject("episode_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("category_code"), rs.getString("name_sv"),
                rs.getString("content"), MeasureResponsible.valueOf(rs.getString("responsible")),
                rs.getString("responsible_actor"), rs.getObject("offered_on", LocalDate.class),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                end == null ? null : MeasureEndReason.valueOf(end), rs.getObject("follow_up_on", LocalDate.class),
                rs.getBoolean("declined"), rs.getBoolean("first_offered"));
    }
}
