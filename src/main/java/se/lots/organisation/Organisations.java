package se.lots.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.reference.MunicipalityCode;

@Repository
public class Organisations {

    private static final String COLUMNS = "id, name, party_type, municipality_code, county_code";
    private static final String UNIT_COLUMNS = "id, organisation_id, name, committee, line_of_work";

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
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM organisation_unit WHERE organisation_id = ? ORDER BY name")
                .param(organisationId.value()).query(OrganisationUnit.class).list();
    }

    public List<OrganisationUnit> allUnits() {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM organisation_unit ORDER BY name")
                .query(OrganisationUnit.class).list();
    }

    public Optional<OrganisationUnit> unit(long unitId) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM organisation_unit WHERE id = ?").param(unitId)
                .query(OrganisationUnit.class).optional();
    }

    /**
     * The secrecy domain of a user of the organisation in the unit: the unit's nämnd and line of work; the whole
     * organisation where none of its units has a line of work (as before units had one); empty for a user without a
     * unit, or in a unit without a line of work, of an organisation that is divided into lines.
     */
    public Optional<SecrecyDomain> domainOf(OrganisationId organisationId, Long unitId) {
        var rows = jdbc.sql("""
                SELECT u.committee, u.line_of_work,
                       EXISTS (SELECT 1 FROM organisation_unit d
                                WHERE d.organisation_id = :org AND d.line_of_work IS NOT NULL) AS divided
                  FROM (SELECT 1) one LEFT JOIN organisation_unit u ON u.id = :unit AND u.organisation_id = :org""")
                .param("org", organisationId.value()).param("unit", unitId == null ? -1L : unitId)
                .query((rs, n) -> new Object[] { rs.getString("committee"), rs.getString("line_of_work"),
                    rs.getBoolean("divided") })
                .single();
        if (!(Boolean) rows[2]) {
            return Optional.of(SecrecyDomain.wholeOrganisation(organisationId));
        }
        LineOfWork line = LineOfWork.parse((String) rows[1]);
        return line == null ? Optional.empty()
                : Optional.of(new SecrecyDomain(organisationId, (String) rows[0], line));
    }

    void updateUnitBoundary(long unitId, String committee, LineOfWork lineOfWork) {
        jdbc.sql("UPDATE organisation_unit SET committee = ?, line_of_work = ? WHERE id = ?")
                .params(committee, lineOfWork == null ? null : lineOfWork.name(), unitId).update();
    }

    /** The nämnder the organisation's units name, for the administrator's choice. */
    public List<String> committees(OrganisationId organisationId) {
        return jdbc.sql("""
                SELECT DISTINCT committee FROM organisation_unit WHERE organisation_id = ? AND committee <> ''
                 ORDER BY committee""").param(organisationId.value()).query(String.class).list();
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
