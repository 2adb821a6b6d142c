package se.lots.federation.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.federation.member.PartyOrganisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;

/**
 * The förbund's programmes (federation_programme and its parties, municipalities and funders), with the name and owner
 * from the plan module's published plan_programme and names from organisation_directory.
 */
@Repository
class FinsamProgrammes {

    /** The facts of a programme, the lists still to read. */
    record Row(long programmeId, OrganisationId federationId, String federationName, String caseNumber, String name,
            OrganisationId ownerId, String ownerName, String purpose, String targetGroup, Integer ageFrom,
            Integer ageTo, String method, LocalDate startsOn, LocalDate endsOn, Integer expectedPerYear,
            String contactName, String contactEmail, int version) {
    }

    /** What is saved of a programme's facts (the lists apart). */
    record Facts(String caseNumber, String purpose, String targetGroup, Integer ageFrom, Integer ageTo, String method,
            LocalDate startsOn, LocalDate endsOn, Integer expectedPerYear, String contactName, String contactEmail) {

        Facts withCaseNumber(String kept) {
            return new Facts(kept, purpose, targetGroup, ageFrom, ageTo, method, startsOn, endsOn, expectedPerYear,
                    contactName, contactEmail);
        }
    }

    private static final String SELECT = """
            SELECT fp.programme_id, fp.federation_id, f.name AS federation_name, fp.case_number, pp.name,
                   pp.organisation_id AS owner_id, o.name AS owner_name, fp.purpose, fp.target_group,
                   fp.target_age_from, fp.target_age_to, fp.method, fp.starts_on, fp.ends_on, fp.expected_per_year,
                   fp.contact_name, fp.contact_email, fp.version
              FROM federation_programme fp
              JOIN plan_programme pp ON pp.id = fp.programme_id
              JOIN organisation_directory o ON o.id = pp.organisation_id
              JOIN organisation_directory f ON f.id = fp.federation_id
            """;

    private final JdbcClient jdbc;

    FinsamProgrammes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byId(long programmeId) {
        return jdbc.sql(SELECT + " WHERE fp.programme_id = ?").param(programmeId).query(FinsamProgrammes::row)
                .optional();
    }

    List<Row> ofFederation(OrganisationId federation) {
        return jdbc.sql(SELECT + " WHERE fp.federation_id = ? ORDER BY fp.starts_on DESC, pp.name")
                .param(federation.value()).query(FinsamProgrammes::row).list();
    }

    /** The programmes the organisation owns or takes part in, of every förbund. */
    List<Row> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql(SELECT + """
                 WHERE pp.organisation_id = ? OR EXISTS (SELECT 1 FROM federation_programme_party p
                                                       WHERE p.programme_id = fp.programme_id
                                                         AND p.organisation_id = ?)
                 ORDER BY f.name, fp.starts_on DESC, pp.name""")
                .params(organisation.value(), organisation.value()).query(FinsamProgrammes::row).list();
    }

    boolean caseNumberTaken(OrganisationId federation, String caseNumber, long exceptProgrammeId) {
        return jdbc.sql("SELECT count(*) FROM federation_programme WHERE federation_id = ? AND case_number = ? "
                + "AND programme_id <> ?").params(federation.value(), caseNumber, exceptProgrammeId)
                .query(Long.class).single() > 0;
    }

    boolean exists(long programmeId) {
        return jdbc.sql("SELECT count(*) FROM federation_programme WHERE programme_id = ?").param(programmeId)
                .query(Long.class).single() > 0;
    }

    void insert(long programmeId, OrganisationId federation, Facts f, long userId) {
        jdbc.sql("""
                INSERT INTO federation_programme (programme_id, federation_id, case_number, purpose, target_group,
                    target_age_from, target_age_to, method, starts_on, ends_on, expected_per_year, contact_name,
                    contact_email, created_by)
                VALUES (:id, :federation, :caseNumber, :purpose, :targetGroup, :ageFrom, :ageTo, :method, :startsOn,
                        :endsOn, :expected, :contactName, :contactEmail, :user)""")
                .param("id", programmeId).param("federation", federation.value()).params(facts(f))
                .param("user", userId).update();
    }

    /** Saves the facts when the version is still {@code version}; false when someone saved since. */
    boolean update(long programmeId, Facts f, int version, long userId) {
        return jdbc.sql("""
                UPDATE federation_programme
                   SET case_number = :caseNumber, purpose = :purpose, target_group = :targetGroup,
                       target_age_from = :ageFrom, target_age_to = :ageTo, method = :method, starts_on = :startsOn,
                       ends_on = :endsOn, expected_per_year = :expected, contact_name = :contactName,
                       contact_email = :contactEmail, version = version + 1, updated_by = :user, updated_at = now()
                 WHERE programme_id = :id AND version = :version""")
                .param("id", programmeId).params(facts(f)).param("user", userId).param("version", version)
                .update() == 1;
    }

    private static java.util.Map<String, Object> facts(Facts f) {
        var m = new java.util.HashMap<String, Object>();
        m.put("caseNumber", f.caseNumber());
        m.put("purpose", f.purpose());
        m.put("targetGroup", f.targetGroup());
        m.put("ageFrom", f.ageFrom());
        m.put("ageTo", f.ageTo());
        m.put("method", f.method());
        m.put("startsOn", f.startsOn());
        m.put("endsOn", f.endsOn());
        m.put("expected", f.expectedPerYear());
        m.put("contactName", f.contactName());
        m.put("contactEmail", f.contactEmail());
        return m;
    }

    /** Replaces the programme's parties, municipalities and funders. */
    void replaceLists(long programmeId, List<OrganisationId> parties, List<MunicipalityCode> municipalities,
            List<Funder> funders) {
        for (String table : List.of("federation_programme_party", "federation_programme_municipality",
                "federation_programme_funder")) {
            jdbc.sql("DELETE FROM " + table + " WHERE programme_id = ?").param(programmeId).update();
        }
        for (OrganisationId p : parties) {
            jdbc.sql("INSERT INTO federation_programme_party (programme_id, organisation_id) VALUES (?, ?)")
                    .params(programmeId, p.value()).update();
        }
        for (MunicipalityCode m : municipalities) {
            jdbc.sql("INSERT INTO federation_programme_municipality (programme_id, municipality_code) VALUES (?, ?)")
                    .params(programmeId, m.value()).update();
        }
        for (Funder f : funders) {
            jdbc.sql("""
                    INSERT INTO federation_programme_funder (programme_id, kind, organisation_id, name, share_percent)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(programmeId, f.kind().name(),
                            f.organisationId() == null ? null : f.organisationId().value(), f.name(), f.sharePercent())
                    .update();
        }
    }

    List<PartyOrganisation> parties(long programmeId) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.party_type FROM federation_programme_party p
                  JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE p.programme_id = ? ORDER BY o.party_type, o.name""").param(programmeId)
                .query((rs, n) -> new PartyOrganisation(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                        PartyType.valueOf(rs.getString("party_type"))))
                .list();
    }

    List<Municipality> municipalities(long programmeId, Function<MunicipalityCode, Optional<Municipality>> names) {
        return jdbc.sql("SELECT municipality_code FROM federation_programme_municipality WHERE programme_id = ? "
                + "ORDER BY municipality_code").param(programmeId)
                .query((rs, n) -> new MunicipalityCode(rs.getString(1))).list().stream()
                .flatMap(c -> names.apply(c).stream()).toList();
    }

    List<Funder> funders(long programmeId) {
        return jdbc.sql("""
                SELECT f.kind, f.organisation_id, coalesce(o.name, f.name) AS name, f.share_percent
                  FROM federation_programme_funder f LEFT JOIN organisation_directory o ON o.id = f.organisation_id
                 WHERE f.programme_id = ? ORDER BY f.share_percent DESC, f.id""").param(programmeId)
                .query((rs, n) -> new Funder(FunderKind.valueOf(rs.getString("kind")),
                        OrganisationId.ofNullable(rs.getObject("organisation_id", Long.class)), rs.getString("name"),
                        rs.getBigDecimal("share_percent")))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("programme_id"), new OrganisationId(rs.getLong("federation_id")),
                rs.getString("federation_name"), rs.getString("case_number"), rs.getString("name"),
                new OrganisationId(rs.getLong("owner_id")), rs.getString("owner_name"), rs.getString("purpose"),
                rs.getString("target_group"), rs.getObject("target_age_from", Integer.class),
                rs.getObject("target_age_to", Integer.class), rs.getString("method"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("expected_per_year", Integer.class), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getInt("version"));
    }
}
