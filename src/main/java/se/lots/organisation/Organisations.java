package se.lots.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.reference.MunicipalityCode;

@Repository
public class Organisations {

    private static final String COLUMNS = "id, name, party_type, municipality_code, county_code";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY name").query(Organisation.class).list();
    }

    public Optional<Organisation> byId(OrganisationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?").param(id.value())
                .query(Organisation.class).optional();
    }

    public List<OrganisationUnit> units(OrganisationId organisationId) {
        return jdbc.sql("SELECT id, organisation_id, name FROM organisation_unit WHERE organisation_id = ? ORDER BY name")
                .param(organisationId.value()).query(OrganisationUnit.class).list();
    }

    public List<OrganisationUnit> allUnits() {
        return jdbc.sql("SELECT id, organisation_id, name FROM organisation_unit ORDER BY name")
                .query(OrganisationUnit.class).list();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT count(*) FROM organisation WHERE lower(name) = lower(?)").param(name)
                .query(Integer.class).single() > 0;
    }

    OrganisationId insert(NewOrganisation o, MunicipalityCode municipality) {
        return new OrganisationId(jdbc.sql("""
                INSERT INTO organisation (name, party_type, municipality_code, county_code)
                VALUES (?, ?, ?, ?) RETURNING id""")
                .params(o.name().trim(), o.partyType().name(),
                        municipality == null ? null : municipality.value(), blankToNull(o.countyCode()))
                .query(Long.class).single());
    }

    long insertUnit(OrganisationId organisationId, String name) {
        return jdbc.sql("INSERT INTO organisation_unit (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(organisationId.value(), name.trim()).query(Long.class).single();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
