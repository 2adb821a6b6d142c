package se.lots.kaa.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.kaa.ExitReason;
import se.lots.organisation.OrganisationId;

@Repository
public class KaaEpisodes {

    private static final String COLUMNS = """
            e.id, e.person_id, e.organisation_id, e.registered_on, e.registration_reason, e.school,
            e.school_municipality, e.programme, e.left_school_on, e.exited_on, e.exit_reason, e.assigned_to,
            e.import_id, e.version""";
    private static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    KaaEpisodes(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The organisation's open episodes by the person's personnummer (a read model: joins registry_person). */
    /** The open episodes by the identity a list names them with: personnummer, or reserve identity. */
    public Map<String, KaaEpisode> openByListIdentity(OrganisationId organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + ", coalesce(y.personal_identity_number, y.reserve_identity) AS identity"
                + " FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id"
                + " WHERE e.organisation_id = ? AND e.exited_on IS NULL"
                + " AND coalesce(y.personal_identity_number, y.reserve_identity) IS NOT NULL")
                .param(organisationId.value())
                .query((rs, n) -> Map.entry(rs.getString("identity"), episode(rs, n))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<KaaEpisode> forPerson(OrganisationId organisationId, UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kaa_episode e WHERE e.organisation_id = ? AND e.person_id = ?"
                + " ORDER BY e.registered_on DESC, e.created_at DESC").params(organisationId.value(), personId)
                .query(KaaEpisodes::episode).list();
    }

    public Optional<KaaEpisode> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kaa_episode e WHERE e.id = ?").param(id)
                .query(KaaEpisodes::episode).optional();
    }

    /**
     * One statement per chunk of arrays: one round trip instead of one per row. The worklist's figures are computed
     * here for the whole chunk from the person, the status history and the contact log, as the row trigger of
     * migration V13 does for other writers (V35): a query per row made it most of a big import's time.
     */
    public void insertAll(List<KaaEpisode> episodes, long userId) {
        for (int from = 0; from < episodes.size(); from += BATCH) {
            var chunk = episodes.subList(from, Math.min(episodes.size(), from + BATCH));
            jdbc.sql("""
                    INSERT INTO kaa_episode (id, person_id, organisation_id, registered_on, registration_reason, school,
                                             school_municipality, programme, left_school_on, assigned_to, import_id,
                                             created_by, sort_name, twentieth_birthday, current_status,
                                             current_ascertained_on, current_review_on, attempts, reached,
                                             last_attempt_on)
                    SELECT t.id, t.person_id, t.organisation_id, t.registered_on, t.registration_reason, t.school,
                           t.school_municipality, t.programme, t.left_school_on, t.assigned_to, t.import_id, ?,
                           y.last_name || E'\\t' || y.first_name,
                           coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31)),
                           s.status, s.ascertained_on, s.review_on, a.attempts, a.reached, a.last_attempt_on
                      FROM unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::date[], ?::text[], ?::text[], ?::text[],
                                  ?::text[], ?::date[], ?::bigint[], ?::uuid[])
                           AS t(id, person_id, organisation_id, registered_on, registration_reason, school,
                                school_municipality, programme, left_school_on, assigned_to, import_id)
                      -- a left join: a person who is not there is the foreign key's error, not a row left out;
                      -- OFFSET 0 keeps it a lookup by id per row: planned as a join, it read the whole registry
                      -- into a hash table for every chunk (75 ms of 255 000 persons, a third of the statement)
                      LEFT JOIN LATERAL (SELECT y.last_name, y.first_name, y.birth_date, y.birth_year
                                           FROM registry_person y WHERE y.id = t.person_id OFFSET 0) y ON true
                      LEFT JOIN LATERAL (SELECT st.status, st.ascertained_on, st.review_on FROM kaa_status st
                                          WHERE st.organisation_id = t.organisation_id AND st.person_id = t.person_id
                                          ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
                      CROSS JOIN LATERAL (SELECT count(*)::int AS attempts,
                                                 coalesce(bool_or(ca.outcome = 'NADD'), false) AS reached,
                                                 max(ca.contacted_on) AS last_attempt_on
                                            FROM contact_attempt ca
                                           WHERE ca.organisation_id = t.organisation_id
                                             AND ca.person_id = t.person_id) a""")
                    .params(userId, array(chunk, KaaEpisode::id), array(chunk, KaaEpisode::personId),
                            array(chunk, e -> e.organisationId().value()), array(chunk, KaaEpisode::registeredOn),
                            array(chunk, e -> e.registrationReason().name()), array(chunk, KaaEpisode::school),
                            array(chunk, KaaEpisode::schoolMunicipality), array(chunk, KaaEpisode::programme),
                            array(chunk, KaaEpisode::leftSchoolOn), array(chunk, KaaEpisode::assignedTo),
                            array(chunk, KaaEpisode::importId))
                    .update();
        }
    }

    /** A column of a chunk as text for an array parameter; the statement casts it to the column's type. */
    static <T> String[] array(List<T> rows, java.util.function.Function<T, Object> column) {
        return rows.stream().map(column).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Optimistic locking: false when the episode changed since it was read. */
    public boolean updateSchool(KaaEpisode e) {
        return jdbc.sql("""
                UPDATE kaa_episode SET registration_reason = ?, school = ?, school_municipality = ?, programme = ?,
                       left_school_on = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ? AND exited_on IS NULL""")
                .params(e.registrationReason().name(), e.school(), e.schoolMunicipality(), e.programme(),
                        e.leftSchoolOn(), e.id(), e.version())
                .update() == 1;
    }

    public boolean close(UUID id, int version, LocalDate on, ExitReason reason) {
        return jdbc.sql("""
                UPDATE kaa_episode SET exited_on = ?, exit_reason = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ? AND exited_on IS NULL""")
                .params(on, reason.name(), id, version).update() == 1;
    }

    boolean assign(UUID id, Long userId) {
        return jdbc.sql("UPDATE kaa_episode SET assigned_to = ?, updated_at = now(), version = version + 1"
                + " WHERE id = ? AND exited_on IS NULL").params(userId, id).update() == 1;
    }

    static KaaEpisode episode(ResultSet rs, int row) throws SQLException {
        String exit = rs.getString("exit_reason");
        Long assigned = rs.getObject("assigned_to", Long.class);
        return new KaaEpisode(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("organisation_id")), rs.getObject("registered_on", LocalDate.class),
                RegistrationReason.valueOf(rs.getString("registration_reason")), rs.getString("school"),
                rs.getString("school_municipality"), rs.getString("programme"),
                rs.getObject("left_school_on", LocalDate.class), rs.getObject("exited_on", LocalDate.class),
                exit == null ? null : ExitReason.valueOf(exit), assigned,
                rs.getObject("import_id", UUID.class), rs.getInt("version"));
    }
}
