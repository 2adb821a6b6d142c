package se.lots.kaa.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class LetterTemplates {

    private static final String SELECT = """
            SELECT t.id, t.organisation_id, t.name, t.heading, t.body, t.retired_at, t.updated_at,
                   u.display_name AS updated_by_name, t.version
              FROM kaa_letter_template t LEFT JOIN organisation_staff u ON u.id = t.updated_by""";

    private final JdbcClient jdbc;
    // the application's clock, not the database's now(): the demo's letters are written and sent on days of its year
    private final Clock clock;

    LetterTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Active first, then by name. */
    List<LetterTemplate> all(OrganisationId organisationId) {
        return jdbc.sql(SELECT + " WHERE t.organisation_id = ? ORDER BY t.retired_at NULLS FIRST, lower(t.name)")
                .param(organisationId.value()).query(LetterTemplates::template).list();
    }

    Optional<LetterTemplate> byId(OrganisationId organisationId, UUID id) {
        return jdbc.sql(SELECT + " WHERE t.organisation_id = ? AND t.id = ?").params(organisationId.value(), id)
                .query(LetterTemplates::template).optional();
    }

    /**
     * Compared in Java: the database may run with the C locale, where lower() leaves Å, Ä and Ö as they are, and
     * "EFTER HEMBESÖK" is the same name as "Efter hembesök".
     */
    boolean nameTaken(OrganisationId organisationId, String name, UUID except) {
        var swedish = java.util.Locale.forLanguageTag("sv");
        String wanted = name.strip().toLowerCase(swedish);
        return jdbc.sql("""
                SELECT name FROM kaa_letter_template
                 WHERE organisation_id = ? AND retired_at IS NULL AND id IS DISTINCT FROM ?""")
                .params(organisationId.value(), except).query(String.class).stream()
                .anyMatch(n -> n.strip().toLowerCase(swedish).equals(wanted));
    }

    /**
     * The starter templates, once per organisation: only when it has never had any (a coordinator who retires them
     * all does not get them back). The advisory lock keeps two first requests from seeding twice.
     */
    void seedOnce(OrganisationId organisationId, List<StarterLetters.Starter> starters) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('kaa_letter_template'), ?::int)")
                .param((int) organisationId.value())
                .query((rs, n) -> 1).list();
        boolean any = jdbc.sql("SELECT count(*) FROM kaa_letter_template WHERE organisation_id = ?")
                .param(organisationId.value()).query(Long.class).single() > 0;
        if (!any) {
            for (var s : starters) {
                UUID id = jdbc.sql("INSERT INTO kaa_letter_template (organisation_id, name, heading, body, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                        .params(organisationId.value(), s.name(), s.heading(), s.body(), now())
                        .query(UUID.class).single();
                insertVersion(id);
            }
        }
    }

    UUID insert(OrganisationId organisationId, String name, String heading, String body, long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO kaa_letter_template (organisation_id, name, heading, body, created_by, updated_by,
                                                 updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(organisationId.value(), name, heading, body, userId, userId, now()).query(UUID.class)
                .single();
        insertVersion(id);
        return id;
    }

    /** Optimistic locking: false when someone else saved the template since it was read. */
    boolean update(OrganisationId organisationId, UUID id, int version, String name, String heading, String body,
            long userId) {
        return jdbc.sql("""
                UPDATE kaa_letter_template SET name = ?, heading = ?, body = ?, updated_at = ?, updated_by = ?,
                       version = version + 1
                 WHERE organisation_id = ? AND id = ? AND version = ? AND retired_at IS NULL""")
                .params(name, heading, body, now(), userId, organisationId.value(), id,
                version).update() == 1 && insertVersion(id);
    }

    boolean retire(OrganisationId organisationId, UUID id, long userId) {
        OffsetDateTime at = now();
        return jdbc.sql("""
                UPDATE kaa_letter_template SET retired_at = ?, retired_by = ?, updated_at = ?, updated_by = ?,
                       version = version + 1
                 WHERE organisation_id = ? AND id = ? AND retired_at IS NULL""")
                .params(at, userId, at, userId, organisationId.value(), id).update() == 1 && insertVersion(id);
    }

    /** The template as saved now, as its version row; true, so that a save can end with it. */
    private boolean insertVersion(UUID id) {
        jdbc.sql("""
                INSERT INTO kaa_letter_template_version (template_id, version, name, heading, body, retired,
                                                         changed_at, changed_by)
                SELECT id, version, name, heading, body, retired_at IS NOT NULL, updated_at, updated_by
                  FROM kaa_letter_template WHERE id = ?""").param(id).update();
        return true;
    }

    /** Newest first, each with the letter batches sent with it. */
    List<LetterTemplateVersion> versions(UUID id) {
        return jdbc.sql("""
                SELECT v.version, v.name, v.heading, v.body, v.retired, v.changed_at, u.display_name,
                       count(b.id) AS batches, coalesce(sum(b.letters), 0) AS letters
                  FROM kaa_letter_template_version v
                  LEFT JOIN organisation_staff u ON u.id = v.changed_by
                  LEFT JOIN kaa_letter_batch b ON b.template_id = v.template_id AND b.template_version = v.version
                 WHERE v.template_id = ?
                 GROUP BY v.version, v.name, v.heading, v.body, v.retired, v.changed_at, u.display_name
                 ORDER BY v.version DESC""").param(id)
                .query((rs, n) -> new LetterTemplateVersion(rs.getInt("version"), rs.getString("name"),
                        rs.getString("heading"), rs.getString("body"), rs.getBoolean("retired"),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("display_name"),
                        rs.getInt("batches"), rs.getInt("letters")))
                .list();
    }

    private static LetterTemplate template(ResultSet rs, int row) throws SQLException {
        return new LetterTemplate(rs.getObject("id", UUID.class), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("name"),
                rs.getString("heading"), rs.getString("body"), rs.getObject("retired_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by_name"),
                rs.getInt("version"));
    }
}
