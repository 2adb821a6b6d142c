package se.lots.intervention.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.intervention.Provider;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/** Providers (utförare) in SQL. */
@Repository
public class Providers {

    private static final String COLUMNS = """
            id, organisation_id, unit_id, name, party_type, contact_name, phone, email, address, opening_hours,
            version FROM provider""";

    private final JdbcClient jdbc;

    Providers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Provider> all() {
        return jdbc.sql("SELECT " + COLUMNS + " ORDER BY lower(name)").query(Providers::provider).list();
    }

    public Optional<Provider> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(Providers::provider).optional();
    }

    public boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) FROM provider WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?")
                .params(name, except).query(Integer.class).single() > 0;
    }

    public long insert(Provider p, long userId) {
        long id = jdbc.sql("""
                INSERT INTO provider (organisation_id, unit_id, name, party_type, contact_name, phone, email, address,
                                      opening_hours, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.organisationId() == null ? null : p.organisationId().value(), p.unitId(), p.name(),
                p.partyType().name(), p.contactName(), p.phone(),
                        p.email(), p.address(), p.openingHours(), userId, userId)
                .query(Long.class).single();
        insertVersion(id, userId);
        return id;
    }

    /** Saves only if nobody saved since {@code version}; false means someone did. */
    public boolean update(long id, Provider p, int version, long userId) {
        boolean saved = jdbc.sql("""
                UPDATE provider SET organisation_id = ?, unit_id = ?, name = ?, party_type = ?, contact_name = ?,
                                    phone = ?, email = ?, address = ?, opening_hours = ?, updated_by = ?,
                                    updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(p.organisationId() == null ? null : p.organisationId().value(), p.unitId(), p.name(),
                p.partyType().name(), p.contactName(), p.phone(),
                        p.email(), p.address(), p.openingHours(), userId, id, version)
                .update() == 1;
        if (saved) {
            insertVersion(id, userId);
        }
        return saved;
    }

    /**
     * The provider as saved now, as its version row: the fields that differ from the previous version (all of them
     * for a new provider) and the whole content.
     */
    private void insertVersion(long id, long userId) {
        jdbc.sql("""
                INSERT INTO provider_version (provider_id, version, changed_by, changed_fields, content)
                SELECT p.id, p.version, :user,
                       ARRAY(SELECT e.key FROM jsonb_each(c.content) e
                              WHERE prev.content IS NULL OR prev.content -> e.key IS DISTINCT FROM e.value
                              ORDER BY e.key),
                       c.content
                  FROM provider p
                 CROSS JOIN LATERAL (SELECT jsonb_build_object('organisationId', p.organisation_id, 'unitId', p.unit_id,
                           'name', p.name, 'partyType', p.party_type, 'contactName', p.contact_name, 'phone', p.phone,
                           'email', p.email, 'address', p.address, 'openingHours', p.opening_hours) AS content) c
                  LEFT JOIN provider_version prev ON prev.provider_id = p.id AND prev.version = p.version - 1
                 WHERE p.id = :id""")
                .param("user", userId).param("id", id).update();
    }

    /** Newest first. */
    public List<ProviderVersion> versions(long id) {
        return jdbc.sql("""
                SELECT v.provider_id, v.version, u.display_name, v.changed_at, v.changed_fields, v.content::text
                  FROM provider_version v JOIN organisation_staff u ON u.id = v.changed_by
                 WHERE v.provider_id = ? ORDER BY v.version DESC""")
                .param(id)
                .query((rs, n) -> new ProviderVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getString(6)))
                .list();
    }

    private static Provider provider(ResultSet rs, int n) throws SQLException {
        return new Provider(rs.getLong("id"), OrganisationId.ofNullable(rs.getObject("organisation_id", Long.class)),
                rs.getObject("unit_id", Long.class), rs.getString("name"),
                PartyType.valueOf(rs.getString("party_type")), rs.getString("contact_name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("address"), rs.getString("opening_hours"), rs.getInt("version"));
    }
}
