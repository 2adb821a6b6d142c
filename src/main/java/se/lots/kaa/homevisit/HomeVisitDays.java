package se.lots.kaa.homevisit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.kaa.register.ContactOutcome;
import se.lots.kaa.register.Worklist;
import se.lots.organisation.OrganisationId;

/**
 * Home-visit days and who is on them. The persons are read from the registry's published view at the moment they
 * are shown (as {@link Worklist} does), so the address on a route sheet is today's and a protected identity has
 * none.
 */
@Repository
class HomeVisitDays {

    // the contact details another organisation holds (a person who moved here, docs/kaa.md "Flytt och placering")
    // are not this register's: without consent the route sheet has none, and the stop is refused for want of one
    private static final String STOP_COLUMNS = """
            y.id AS person_id, e.id AS episode_id, y.first_name || ' ' || y.last_name AS name, y.first_name,
            y.protected_identity,
            CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL ELSE y.street END
                AS street,
            CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL
                ELSE y.postal_code END AS postal_code,
            CASE WHEN y.protected_identity OR y.owner_organisation_id <> e.organisation_id THEN NULL ELSE y.city END
                AS city,
            CASE WHEN y.owner_organisation_id = e.organisation_id THEN y.phone END AS phone, y.birth_date, y.birth_year,
            CASE WHEN y.owner_organisation_id = e.organisation_id THEN y.guardian_name END AS guardian_name,
            CASE WHEN y.owner_organisation_id = e.organisation_id THEN y.guardian_phone END AS guardian_phone""";

    private final JdbcClient jdbc;

    HomeVisitDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chosen episodes that are open in the organisation's register, with the persons as a route needs them. */
    List<HomeVisitStop> candidates(OrganisationId organisationId, Collection<UUID> episodeIds) {
        return jdbc.sql("SELECT " + STOP_COLUMNS + ", NULL AS outcome, NULL::boolean AS with_guardian"
                + """
                  FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL AND e.id = ANY (?::uuid[])""")
                .params(organisationId.value(), episodeIds.toArray(UUID[]::new))
                .query((rs, n) -> stop(rs)).list();
    }

    UUID insertDay(OrganisationId organisationId, LocalDate visitOn, long firstStaff, long secondStaff,
            String contactPhone, long createdBy) {
        return jdbc.sql("""
                INSERT INTO home_visit_day (organisation_id, visit_on, first_staff_id, second_staff_id, contact_phone,
                                            created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(organisationId.value(), visitOn, firstStaff, secondStaff, contactPhone, createdBy)
                .query(UUID.class).single();
    }

    void insertVisit(UUID dayId, UUID personId, UUID episodeId) {
        jdbc.sql("INSERT INTO home_visit (day_id, person_id, episode_id) VALUES (?, ?, ?)")
                .params(dayId, personId, episodeId).update();
    }

    Optional<HomeVisitDay> day(OrganisationId organisationId, UUID dayId) {
        return jdbc.sql(DAY_SELECT + " WHERE d.organisation_id = ? AND d.id = ?")
                .params(organisationId.value(), dayId).query((rs, n) -> day(rs)).optional();
    }

    /** The organisation's days, the latest first. */
    List<HomeVisitDay> days(OrganisationId organisationId) {
        return jdbc.sql(DAY_SELECT + " WHERE d.organisation_id = ? ORDER BY d.visit_on DESC, d.created_at DESC")
                .params(organisationId.value()).query((rs, n) -> day(rs)).list();
    }

    /** Everyone planned for the day whose episode is still open (a closed one has nobody left to visit). */
    List<HomeVisitStop> stops(OrganisationId organisationId, UUID dayId) {
        return jdbc.sql("SELECT " + STOP_COLUMNS + ", v.outcome, v.with_guardian" + """
                  FROM home_visit v
                  JOIN home_visit_day d ON d.id = v.day_id
                  JOIN kaa_episode e ON e.id = v.episode_id
                  JOIN registry_person y ON y.id = v.person_id
                 WHERE d.organisation_id = ? AND v.day_id = ? AND e.exited_on IS NULL AND v.removed_at IS NULL""")
                .params(organisationId.value(), dayId).query((rs, n) -> stop(rs)).list();
    }

    /** Saves the day's date, staff and phone if nobody saved it since {@code version}; false means someone did. */
    boolean change(UUID dayId, LocalDate visitOn, long firstStaff, long secondStaff, String contactPhone, int version,
            long userId) {
        return jdbc.sql("""
                UPDATE home_visit_day SET visit_on = ?, first_staff_id = ?, second_staff_id = ?, contact_phone = ?,
                                          updated_at = now(), updated_by = ?, version = version + 1
                 WHERE id = ? AND version = ? AND cancelled_at IS NULL""")
                .params(visitOn, firstStaff, secondStaff, contactPhone, userId, dayId, version).update() == 1;
    }

    boolean cancel(UUID dayId, String reason, int version, long userId) {
        return jdbc.sql("""
                UPDATE home_visit_day SET cancelled_at = now(), cancelled_by = ?, cancel_reason = ?,
                                          version = version + 1
                 WHERE id = ? AND version = ? AND cancelled_at IS NULL""")
                .params(userId, reason, dayId, version).update() == 1;
    }

    /** Takes a person off the day; false if they are not on it, or their visit is already recorded. */
    boolean remove(UUID dayId, UUID personId, long userId) {
        return jdbc.sql("""
                UPDATE home_visit SET removed_at = now(), removed_by = ?
                 WHERE day_id = ? AND person_id = ? AND outcome IS NULL AND removed_at IS NULL""")
                .params(userId, dayId, personId).update() == 1;
    }

    void markRecorded(UUID dayId, UUID personId, ContactOutcome outcome, boolean withGuardian, long userId) {
        jdbc.sql("""
                UPDATE home_visit SET outcome = ?, with_guardian = ?, recorded_at = now(), recorded_by = ?
                 WHERE day_id = ? AND person_id = ? AND outcome IS NULL""")
                .params(outcome.name(), withGuardian, userId, dayId, personId).update();
    }

    private static final String DAY_SELECT = """
            SELECT d.id, d.visit_on, d.first_staff_id, a.display_name AS first_staff, d.second_staff_id,
                   b.display_name AS second_staff, d.contact_phone,
                   (SELECT count(*) FROM home_visit v WHERE v.day_id = d.id AND v.removed_at IS NULL) AS planned,
                   (SELECT count(*) FROM home_visit v WHERE v.day_id = d.id AND v.outcome IS NOT NULL) AS recorded,
                   d.version, d.cancelled_at, c.display_name AS cancelled_by, d.cancel_reason
              FROM home_visit_day d
              JOIN organisation_staff a ON a.id = d.first_staff_id
              JOIN organisation_staff b ON b.id = d.second_staff_id
              LEFT JOIN organisation_staff c ON c.id = d.cancelled_by""";

    private static HomeVisitDay day(ResultSet rs) throws SQLException {
        return new HomeVisitDay(rs.getObject("id", UUID.class), rs.getObject("visit_on", LocalDate.class),
                rs.getLong("first_staff_id"), rs.getString("first_staff"), rs.getLong("second_staff_id"),
                rs.getString("second_staff"), rs.getString("contact_phone"), rs.getInt("planned"),
                rs.getInt("recorded"), rs.getInt("version"), rs.getObject("cancelled_at", OffsetDateTime.class),
                rs.getString("cancelled_by"), rs.getString("cancel_reason"));
    }

    private static HomeVisitStop stop(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new HomeVisitStop(rs.getObject("person_id", UUID.class), rs.getObject("episode_id", UUID.class),
                rs.getString("name"), rs.getString("first_name"), rs.getBoolean("protected_identity"), rs.getString("street"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("phone"),
                rs.getObject("birth_date", LocalDate.class), rs.getInt("birth_year"), rs.getString("guardian_name"),
                rs.getString("guardian_phone"), outcome == null ? null : ContactOutcome.valueOf(outcome),
                rs.getObject("with_guardian", Boolean.class));
    }
}
