package se.lots.federation.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;
import se.lots.reference.MunicipalityCode;

/** The förbund's members and area (federation_member, federation_municipality); names from organisation_directory. */
@Repository
class Members {

    private static final String MEMBER = """
            SELECT m.id, m.organisation_id, o.name, o.party_type, m.joined_on, m.left_on
              FROM federation_member m JOIN organisation_directory o ON o.id = m.organisation_id
            """;

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Member> of(OrganisationId federation) {
        return jdbc.sql(MEMBER + " WHERE m.federation_id = ? ORDER BY m.left_on NULLS FIRST, o.party_type, o.name")
                .param(federation.value()).query((rs, n) -> new Member(rs.getLong("id"),
                        new OrganisationId(rs.getLong("organisation_id")), rs.getString("name"),
                        PartyType.valueOf(rs.getString("party_type")), rs.getObject("joined_on", LocalDate.class),
                        rs.getObject("left_on", LocalDate.class)))
                .list();
    }

    Optional<Member> byId(OrganisationId federation, long id) {
        return of(federation).stream().filter(m -> m.id() == id).findFirst();
    }

    long insert(OrganisationId federation, OrganisationId organisation, LocalDate joinedOn, LocalDate leftOn,
            long userId) {
        return jdbc.sql("""
                INSERT INTO federation_member (federation_id, organisation_id, joined_on, left_on, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(federation.value(), organisation.value(), joinedOn, leftOn, userId).query(Long.class)
                .single();
    }

    void end(long id, LocalDate leftOn) {
        jdbc.sql("UPDATE federation_member SET left_on = ? WHERE id = ?").params(leftOn, id).update();
    }

    List<MunicipalityCode> area(OrganisationId federation) {
        return jdbc.sql("SELECT municipality_code FROM federation_municipality WHERE federation_id = ? "
                + "ORDER BY municipality_code").param(federation.value())
                .query((rs, n) -> new MunicipalityCode(rs.getString(1))).list();
    }

    void setArea(OrganisationId federation, Collection<MunicipalityCode> codes) {
        jdbc.sql("DELETE FROM federation_municipality WHERE federation_id = ?").param(federation.value()).update();
        for (MunicipalityCode code : codes) {
            jdbc.sql("INSERT INTO federation_municipality (federation_id, municipality_code) VALUES (?, ?)")
                    .params(federation.value(), code.value()).update();
        }
    }

    Optional<PartyOrganisation> organisation(OrganisationId id) {
        return jdbc.sql("SELECT id, name, party_type FROM organisation_directory WHERE id = ?").param(id.value())
                .query((rs, n) -> new PartyOrganisation(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                        PartyType.valueOf(rs.getString("party_type"))))
                .optional();
    }

    List<PartyOrganisation> parties() {
        return jdbc.sql("""
                SELECT id, name, party_type FROM organisation_directory
                 WHERE party_type IN ('KOMMUN', 'REGION', 'ARBETSFORMEDLINGEN', 'FORSAKRINGSKASSAN')
                 ORDER BY party_type, name""")
                .query((rs, n) -> new PartyOrganisation(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                        PartyType.valueOf(rs.getString("party_type"))))
                .list();
    }

    /** The förbund the organisation is a member of on {@code day}. */
    List<PartyOrganisation> federationsOf(OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.party_type
                  FROM federation_member m JOIN organisation_directory o ON o.id = m.federation_id
                 WHERE m.organisation_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on >= ?)
                 ORDER BY o.name""")
                .params(organisation.value(), day, day)
                .query((rs, n) -> new PartyOrganisation(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                        PartyType.valueOf(rs.getString("party_type"))))
                .list();
    }
}
