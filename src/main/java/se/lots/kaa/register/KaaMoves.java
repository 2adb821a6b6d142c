package se.lots.kaa.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;

/** The handovers after moves ({@code kaa_move}) and the placements in other municipalities ({@code kaa_placement}). */
@Repository
public class KaaMoves {

    private static final String MOVE = """
            SELECT m.id, m.person_id, m.from_organisation_id, fo.name AS from_organisation_name, m.from_municipality,
                   fm.name AS from_municipality_name, m.to_organisation_id, tor.name AS to_organisation_name,
                   m.to_municipality, tm.name AS to_municipality_name, m.moved_on, m.source, m.closed_episode_id,
                   m.opened_episode_id, u.display_name, m.recorded_at
              FROM kaa_move m
              JOIN organisation_directory fo ON fo.id = m.from_organisation_id
              JOIN reference_municipality fm ON fm.code = m.from_municipality
              LEFT JOIN organisation_directory tor ON tor.id = m.to_organisation_id
              JOIN reference_municipality tm ON tm.code = m.to_municipality
              LEFT JOIN organisation_staff u ON u.id = m.recorded_by""";

    private static final String PLACEMENT = """
            SELECT p.id, p.person_id, p.municipality, rm.name AS municipality_name, p.kind, p.from_on, p.to_on,
                   u.display_name, p.recorded_at, p.version
              FROM kaa_placement p
              JOIN reference_municipality rm ON rm.code = p.municipality
              LEFT JOIN organisation_staff u ON u.id = p.recorded_by""";

    private final JdbcClient jdbc;

    KaaMoves(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID personId, OrganisationId from, MunicipalityCode fromMunicipality, OrganisationId to,
            MunicipalityCode toMunicipality, LocalDate movedOn, MoveSource source, UUID closedEpisodeId,
            UUID openedEpisodeId, long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_move (person_id, from_organisation_id, from_municipality, to_organisation_id,
                                      to_municipality, moved_on, source, closed_episode_id, opened_episode_id,
                                      recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, from.value(), fromMunicipality.value(), to == null ? null : to.value(),
                        toMunicipality.value(), movedOn, source.name(), closedEpisodeId, openedEpisodeId, userId)
                .query(UUID.class).single();
    }

    /** The handovers the organisation took part in, out or in, newest first: never another pair's. */
    List<KaaMove> seenBy(OrganisationId organisation, UUID personId) {
        return jdbc.sql(MOVE + " WHERE m.person_id = ? AND (m.from_organisation_id = ? OR m.to_organisation_id = ?)"
                + " ORDER BY m.moved_on DESC, m.recorded_at DESC")
                .params(personId, organisation.value(), organisation.value()).query(KaaMoves::move).list();
    }

    UUID insertPlacement(OrganisationId organisation, UUID personId, MunicipalityCode municipality,
            PlacementKind kind, LocalDate fromOn, LocalDate toOn, long userId) {
        return jdbc.sql("""
                INSERT INTO kaa_placement (person_id, organisation_id, municipality, kind, from_on, to_on, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, organisation.value(), municipality.value(), kind.name(), fromOn, toOn, userId)
                .query(UUID.class).single();
    }

    /** The responsible organisation's placements of the person, the latest first. */
    List<Placement> placements(OrganisationId organisation, UUID personId) {
        return jdbc.sql(PLACEMENT + " WHERE p.organisation_id = ? AND p.person_id = ?"
                + " ORDER BY p.from_on DESC, p.recorded_at DESC")
                .params(organisation.value(), personId).query(KaaMoves::placement).list();
    }

    java.util.Optional<Placement> placement(OrganisationId organisation, UUID id) {
        return jdbc.sql(PLACEMENT + " WHERE p.organisation_id = ? AND p.id = ?").params(organisation.value(), id)
                .query(KaaMoves::placement).optional();
    }

    /** Optimistic: false when the placement was changed or ended since it was read. */
    boolean endPlacement(UUID id, int version, LocalDate toOn, long userId) {
        return jdbc.sql("""
                UPDATE kaa_placement SET to_on = ?, ended_by = ?, version = version + 1
                 WHERE id = ? AND version = ? AND (to_on IS NULL OR to_on > ?)""")
                .params(toOn, userId, id, version, toOn).update() == 1;
    }

    private static KaaMove move(ResultSet rs, int row) throws SQLException {
        Long to = rs.getObject("to_organisation_id", Long.class);
        return new KaaMove(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("from_organisation_id")), rs.getString("from_organisation_name"),
                new MunicipalityCode(rs.getString("from_municipality")), rs.getString("from_municipality_name"),
                to == null ? null : new OrganisationId(to), rs.getString("to_organisation_name"),
                new MunicipalityCode(rs.getString("to_municipality")), rs.getString("to_municipality_name"),
                rs.getObject("moved_on", LocalDate.class), MoveSource.valueOf(rs.getString("source")),
                rs.getObject("closed_episode_id", UUID.class), rs.getObject("opened_episode_id", UUID.class),
                rs.getString("display_name"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static Placement placement(ResultSet rs, int row) throws SQLException {
        return new Placement(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new MunicipalityCode(rs.getString("municipality")), rs.getString("municipality_name"),
                PlacementKind.valueOf(rs.getString("kind")), rs.getObject("from_on", LocalDate.class),
                rs.getObject("to_on", LocalDate.class), rs.getString("display_name"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }
}
