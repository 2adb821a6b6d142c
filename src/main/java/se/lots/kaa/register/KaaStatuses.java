package se.lots.kaa.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
public class KaaStatuses {

    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    KaaStatuses(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    private static final String SELECT = """
            SELECT s.id, s.person_id, s.status, s.study_kind, s.occupation, s.ascertained_on, s.source, s.review_on,
                   s.recorded_at, u.display_name
              FROM kaa_status s LEFT JOIN organisation_staff u ON u.id = s.recorded_by""";

    /** Newest first: the first is the current status. */
    List<StatusRecord> history(OrganisationId organisationId, UUID personId) {
        return jdbc.sql(SELECT + " WHERE s.organisation_id = ? AND s.person_id = ?"
                + " ORDER BY s.ascertained_on DESC, s.recorded_at DESC")
                .params(organisationId.value(), personId).query(KaaStatuses::status).list();
    }

    /** One status, as saved: with its id, the time it was recorded and by whom. */
    StatusRecord insert(OrganisationId organisationId, StatusRecord s, long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO kaa_status (person_id, organisation_id, status, study_kind, occupation, ascertained_on,
                                        source, review_on, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(s.personId(), organisationId.value(), s.status().name(),
                        s.studyKind() == null ? null : s.studyKind().name(), s.occupation(), s.ascertainedOn(),
                        s.source().name(), s.reviewOn(), userId)
                .query(UUID.class).single();
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(KaaStatuses::status).single();
    }

    /** One statement per chunk of arrays: one round trip instead of one per row. */
    public void insertAll(OrganisationId organisationId, List<StatusRecord> statuses, long userId) {
        for (int from = 0; from < statuses.size(); from += BATCH) {
            var chunk = statuses.subList(from, Math.min(statuses.size(), from + BATCH));
            jdbc.sql("""
                    INSERT INTO kaa_status (person_id, organisation_id, status, study_kind, occupation, ascertained_on,
                                            source, review_on, recorded_by)
                    SELECT person_id, ?, status, study_kind, occupation, ascertained_on, source, review_on, ?
                      FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[])
                           WITH ORDINALITY AS t(person_id, status, study_kind, occupation, ascertained_on, source,
                                                review_on, n)
                     ORDER BY n""")
                    .params(organisationId.value(), userId, KaaEpisodes.array(chunk, StatusRecord::personId),
                            KaaEpisodes.array(chunk, s -> s.status().name()),
                            KaaEpisodes.array(chunk, s -> s.studyKind() == null ? null : s.studyKind().name()),
                            KaaEpisodes.array(chunk, StatusRecord::occupation),
                            KaaEpisodes.array(chunk, StatusRecord::ascertainedOn),
                            KaaEpisodes.array(chunk, s -> s.source().name()),
                            KaaEpisodes.array(chunk, StatusRecord::reviewOn))
                    .update();
        }
    }

    private static StatusRecord status(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("study_kind");
        return new StatusRecord(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                KaaStatus.valueOf(rs.getString("status")), kind == null ? null : StudyKind.valueOf(kind),
                rs.getString("occupation"), rs.getObject("ascertained_on", LocalDate.class),
                StatusSource.valueOf(rs.getString("source")), rs.getObject("review_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("display_name"));
    }
}
