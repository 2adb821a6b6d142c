package se.lots.plan.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentChanged;
import se.lots.plan.Programme;

@Repository
public class Enrolments {

    private static final String COLUMNS = """
            e.id, e.person_id, e.programme_id, p.name AS programme_name, e.organisation_id, o.name AS organisation_name,
            e.started_on, e.referring_organisation_id, ro.name AS referring_name, e.contact_user_id,
            c.display_name AS contact_name, e.reason, e.ended_on, e.end_reason, e.transferred_from, e.version
              FROM enrolment e JOIN programme p ON p.id = e.programme_id
                               JOIN organisation_directory o ON o.id = e.organisation_id
                               LEFT JOIN organisation_directory ro ON ro.id = e.referring_organisation_id
                               LEFT JOIN organisation_staff c ON c.id = e.contact_user_id""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Enrolments(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<Enrolment> forPerson(UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE e.person_id = ? ORDER BY e.started_on DESC, e.created_at DESC")
                .param(personId).query(Enrolments::enrolment).list();
    }

    public List<Enrolment> ofProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE e.programme_id = ? ORDER BY e.started_on DESC, e.created_at DESC")
                .param(programmeId).query(Enrolments::enrolment).list();
    }

    public Optional<Enrolment> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE e.id = ?").param(id).query(Enrolments::enrolment).optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID insert(UUID personId, Programme programme, LocalDate startedOn, OrganisationId referringOrganisationId,
            Long contactUserId, String reason, UUID transferredFrom, long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, referring_organisation_id,
                                       contact_user_id, reason, transferred_from, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, programme.id(), programme.organisationId().value(), startedOn,
                        referringOrganisationId == null ? null : referringOrganisationId.value(),
                        contactUserId, reason, transferredFrom, userId)
                .query(UUID.class).single();
        events.publishEvent(new EnrolmentChanged(id, personId));
        return id;
    }

    /** Ends an open enrolment if nobody changed it since {@code version}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean end(UUID id, LocalDate endedOn, EnrolmentEndReason reason, int version) {
        Optional<UUID> person = jdbc.sql("""
                UPDATE enrolment SET ended_on = ?, end_reason = ?, version = version + 1
                 WHERE id = ? AND version = ? AND ended_on IS NULL RETURNING person_id""")
                .params(endedOn, reason.name(), id, version).query(UUID.class).optional();
        person.ifPresent(p -> events.publishEvent(new EnrolmentChanged(id, p)));
        return person.isPresent();
    }

    public List<Programme> programmes(boolean activeOnly) {
        return jdbc.sql("""
                SELECT p.id, p.organisation_id, o.name AS organisation_name, p.name, p.active, p.funded_by,
                       f.name AS funded_by_name
                  FROM programme p JOIN organisation_directory o ON o.id = p.organisation_id
                  LEFT JOIN organisation_directory f ON f.id = p.funded_by
                 WHERE p.active OR NOT ? ORDER BY o.name, p.name""")
                .param(activeOnly).query((rs, n) -> new Programme(rs.getLong("id"),
                new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("organisation_name"), rs.getString("name"), rs.getBoolean("active"),
                        OrganisationId.ofNullable(rs.getObject("funded_by", Long.class)),
                        rs.getString("funded_by_name")))
                .list();
    }

    /** The samordningsförbund in Lots: the organisations a programme can be funded by. */
    public List<Federation> federations() {
        return jdbc.sql("SELECT id, name FROM organisation_directory WHERE party_type = 'FORBUND' ORDER BY name")
                .query((rs, n) -> new Federation(new OrganisationId(rs.getLong(1)), rs.getString(2))).list();
    }

    public void setFundedBy(long programmeId, OrganisationId federationId) {
        jdbc.sql("UPDATE programme SET funded_by = ? WHERE id = ?")
                .params(federationId == null ? null : federationId.value(), programmeId).update();
    }

    public Optional<Programme> programme(long id) {
        return programmes(false).stream().filter(p -> p.id() == id).findFirst();
    }

    /** Adds a programme, or reactivates it when the organisation had one by that name. */
    public long saveProgramme(OrganisationId organisationId, String name) {
        return jdbc.sql("""
                INSERT INTO programme (organisation_id, name) VALUES (?, ?)
                ON CONFLICT (organisation_id, name) DO UPDATE SET active = true RETURNING id""")
                .params(organisationId.value(), name).query(Long.class).single();
    }

    public void setProgrammeActive(long id, OrganisationId organisationId, boolean active) {
        jdbc.sql("UPDATE programme SET active = ? WHERE id = ? AND organisation_id = ?")
                .params(active, id, organisationId.value()).update();
    }

    private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
        String end = rs.getString("end_reason");
        return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getLong("programme_id"), rs.getString("programme_name"),
                new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("organisation_name"), rs.getObject("started_on", LocalDate.class),
                OrganisationId.ofNullable(rs.getObject("referring_organisation_id", Long.class)),
                rs.getString("referring_name"),
                rs.getObject("contact_user_id", Long.class), rs.getString("contact_name"), rs.getString("reason"),
                rs.getObject("ended_on", LocalDate.class), end == null ? null : EnrolmentEndReason.valueOf(end),
                rs.getObject("transferred_from", UUID.class), rs.getInt("version"));
    }
}
