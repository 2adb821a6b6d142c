package se.lots.intervention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.PartyType;

/** Providers (utförare) in SQL. */
@Repository
class Providers {

    private static final String COLUMNS = """
            id, organisation_id, unit_id, name, party_type, contact_name, phone, email, address, opening_hours,
            version FROM provider""";

    private final JdbcClient jdbc;

    Providers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Provider> all() {
        return jdbc.sql("SELECT " + COLUMNS + " ORDER BY lower(name)").query(Providers::provider).list();
    }

    Optional<Provider> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(Providers::provider).optional();
    }

    boolean nameTaken(String name, Long except) {
        return jdbc.sql("SELECT count(*) FROM provider WHERE lower(name) = lower(?) AND id IS DISTINCT FROM ?")
                .params(name, except).query(Integer.class).single() > 0;
    }

    long insert(Provider p, long userId) {
        return jdbc.sql("""
                INSERT INTO provider (organisation_id, unit_id, name, party_type, contact_name, phone, email, address,
                                      opening_hours, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(p.organisationId(), p.unitId(), p.name(), p.partyType().name(), p.contactName(), p.phone(),
                        p.email(), p.address(), p.openingHours(), userId, userId)
                .query(Long.class).single();
    }

    /** Saves only if nobody saved since {@code version}; false means someone did. */
    boolean update(long id, Provider p, int version, long userId) {
        return jdbc.sql("""
                UPDATE provider SET organisation_id = ?, unit_id = ?, name = ?, party_type = ?, contact_name = ?,
                                    phone = ?, email = ?, address = ?, opening_hours = ?, updated_by = ?,
                                    updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(p.organisationId(), p.unitId(), p.name(), p.partyType().name(), p.contactName(), p.phone(),
                        p.email(), p.address(), p.openingHours(), userId, id, version)
                .update() == 1;
    }

    private static Provider provider(ResultSet rs, int n) throws SQLException {
        return new Provider(rs.getLong("id"), rs.getObject("organisation_id", Long.class),
                rs.getObject("unit_id", Long.class), rs.getString("name"),
                PartyType.valueOf(rs.getString("party_type")), rs.getString("contact_name"), rs.getString("phone"),
                rs.getString("email"), rs.getString("address"), rs.getString("opening_hours"), rs.getInt("version"));
    }
}
