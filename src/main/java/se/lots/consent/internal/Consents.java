package se.lots.consent.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.consent.Consent;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.organisation.OrganisationId;

@Repository
public class Consents {

    private static final String COLUMNS = """
            id, person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how, valid_from, valid_to,
            withdrawn_at, recorded_at""";

    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(UUID personId, NewConsent c, long recordedBy) {
        return jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, recorded_by)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?) RETURNING id""")
                .params(personId, c.fromOrganisationId().value(), c.toOrganisationId().value(), c.purpose().name(),
                        c.scope().stream().map(Enum::name).distinct().toArray(String[]::new), c.givenHow().name(),
                        c.validFrom(), c.validTo(), recordedBy)
                .query(UUID.class).single();
    }

    /** Whether a consent alike in all but how it was given and not withdrawn is in force on a day of the period. */
    public boolean overlapsAlike(UUID personId, NewConsent c) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM consent
                                WHERE person_id = ? AND from_organisation_id = ? AND to_organisation_id = ?
                                  AND purpose = ? AND consent_scope_key(scope) = consent_scope_key(?::text[])
                                  AND withdrawn_at IS NULL AND valid_from <= ? AND valid_to >= ?)""")
                .params(personId, c.fromOrganisationId().value(), c.toOrganisationId().value(), c.purpose().name(),
                        c.scope().stream().map(Enum::name).toArray(String[]::new), c.validTo(), c.validFrom())
                .query(Boolean.class).single();
    }

    public Optional<Consent> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent WHERE id = ?").param(id).query(Consents::consent).optional();
    }

    public List<Consent> forPerson(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent WHERE person_id = ? ORDER BY recorded_at DESC")
                .param(personId).query(Consents::consent).list();
    }

    public boolean withdraw(UUID id, long userId) {
        return jdbc.sql("UPDATE consent SET withdrawn_at = now(), withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL")
                .params(userId, id).update() == 1;
    }

    public Optional<Consent> activeFor(UUID personId, OrganisationId from, OrganisationId to, ConsentScope scope,
            LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM consent
                WHERE person_id = ? AND from_organisation_id = ? AND to_organisation_id = ? AND ? = ANY (scope)
                  AND withdrawn_at IS NULL AND valid_from <= ? AND valid_to >= ?
                ORDER BY valid_to DESC LIMIT 1""")
                .params(personId, from.value(), to.value(), scope.name(), today,
                today).query(Consents::consent).optional();
    }

    /** Persons whose record the organisation may see today through a consent covering the scope. */
    public List<UUID> sharedWith(OrganisationId organisationId, ConsentScope scope, LocalDate today) {
        return jdbc.sql("""
                SELECT DISTINCT person_id FROM consent
                 WHERE to_organisation_id = ? AND ? = ANY (scope) AND withdrawn_at IS NULL
                   AND valid_from <= ? AND valid_to >= ?""")
                .params(organisationId.value(), scope.name(), today, today).query(UUID.class).list();
    }

    /**
     * Consents of these persons in force today that end by {@code until}, where the organisation gives or receives;
     * one already renewed (an alike consent, not withdrawn, going on after it) is not running out.
     */
    public List<Consent> runningOut(java.util.Collection<UUID> personIds, OrganisationId party, LocalDate today,
            LocalDate until) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM consent c
                WHERE c.person_id = ANY (?) AND (c.from_organisation_id = ? OR c.to_organisation_id = ?)
                  AND c.withdrawn_at IS NULL AND c.valid_from <= ? AND c.valid_to BETWEEN ? AND ?
                  AND NOT EXISTS (SELECT 1 FROM consent n
                                   WHERE n.person_id = c.person_id AND n.from_organisation_id = c.from_organisation_id
                                     AND n.to_organisation_id = c.to_organisation_id AND n.purpose = c.purpose
                                     AND n.withdrawn_at IS NULL AND n.valid_to > c.valid_to
                                     AND n.valid_from <= c.valid_to + 1)
                ORDER BY c.valid_to, c.id""")
                .params(personIds.toArray(UUID[]::new), party.value(), party.value(), today, today, until)
                .query(Consents::consent).list();
    }

    private static Consent consent(ResultSet rs, int row) throws SQLException {
        Array scope = rs.getArray("scope");
        return new Consent(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("from_organisation_id")),
                new OrganisationId(rs.getLong("to_organisation_id")),
                ConsentPurpose.valueOf(rs.getString("purpose")),
                Arrays.stream((String[]) scope.getArray()).map(ConsentScope::valueOf).toList(),
                GivenHow.valueOf(rs.getString("given_how")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), instant(rs, "withdrawn_at"), instant(rs, "recorded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
