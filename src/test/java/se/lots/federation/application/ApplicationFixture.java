package se.lots.federation.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A förbund of its own for each test (unique names: the database is shared): two member municipalities, the region
 * and Försäkringskassan, its officer, a programme lead and a case worker of the first municipality, a lead of the
 * second, a lead of an organisation outside the förbund, and another förbund with its officer.
 */
@Component
public class ApplicationFixture {

    public static final String PASSWORD = "ett-langt-losenord";

    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    public record World(String suffix, Organisation federation, Organisation kommun, Organisation otherKommun,
            Organisation region, Organisation fk, Actor officer, Actor lead, Actor otherLead, Actor caseWorker,
            Actor outsideLead, Actor otherOfficer, long programmeId) {

        public String username(Actor a) {
            return a.username();
        }
    }

    public World world() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Organisation federation = org("Samordningsförbundet Test " + s, PartyType.FORBUND, null, null);
        Organisation kommun = org("Testkommun A " + s, PartyType.KOMMUN, "1214", null);
        Organisation otherKommun = org("Testkommun B " + s, PartyType.KOMMUN, "1282", null);
        Organisation region = org("Region Test " + s, PartyType.REGION, null, "12");
        Organisation fk = org("Försäkringskassan Test " + s, PartyType.FORSAKRINGSKASSAN, null, null);
        Organisation outside = org("Utanförkommun " + s, PartyType.KOMMUN, "1283", null);
        Organisation otherFederation = org("Samordningsförbundet Annat " + s, PartyType.FORBUND, null, null);
        Actor officer = user("forbund-" + s, "Fia Förbundschef", Role.FEDERATION_OFFICER, federation);
        for (Organisation member : List.of(kommun, otherKommun, region, fk)) {
            jdbc.sql("""
                    INSERT INTO federation_member (federation_id, organisation_id, joined_on, created_by)
                    VALUES (?, ?, ?, ?)""").params(federation.id().value(), member.id().value(),
                    LocalDate.of(2020, 1, 1), officer.userId()).update();
        }
        Actor otherOfficer = user("forbund2-" + s, "Olle Annanförbund", Role.FEDERATION_OFFICER, otherFederation);
        jdbc.sql("""
                INSERT INTO federation_member (federation_id, organisation_id, joined_on, created_by)
                VALUES (?, ?, ?, ?)""").params(otherFederation.id().value(), outside.id().value(),
                LocalDate.of(2020, 1, 1), otherOfficer.userId()).update();
        long programme = jdbc.sql("INSERT INTO programme (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(kommun.id().value(), "Steget vidare " + s).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO federation_programme (programme_id, federation_id, purpose, starts_on, created_by)
                VALUES (?, ?, 'Unga utan gymnasiebetyg', ?, ?)""")
                .params(programme, federation.id().value(), LocalDate.of(2021, 9, 1), officer.userId()).update();
        return new World(s, federation, kommun, otherKommun, region, fk, officer,
                user("lead-" + s, "Lisa Insatsledare", Role.PROGRAMME_LEAD, kommun),
                user("lead-b-" + s, "Bo Annanledare", Role.PROGRAMME_LEAD, otherKommun),
                user("coach-" + s, "Kim Handläggare", Role.CASE_WORKER, kommun),
                user("lead-out-" + s, "Ute Ledare", Role.PROGRAMME_LEAD, outside), otherOfficer, programme);
    }

    /** The seed's application: Steget vidare, group coaching, with the municipality and the region. */
    public static ApplicationInput stegetVidare(World w) {
        return new ApplicationInput(null, "PROGRAMME", String.valueOf(w.programmeId()), null,
                "Gruppcoaching i Steget vidare", "Metodutveckling för unga utan gymnasiebetyg",
                "Tio ungdomar får parallella insatser under fyra månader", "2021-09-01", "2021-12-31",
                List.of(new ApplicationInput.YearBudgetInput("2021", "80 000")),
                List.of(new ApplicationInput.PartyLine(String.valueOf(w.kommun().id().value()),
                        "Anställning halvtid och projektledare", "400000"),
                        new ApplicationInput.PartyLine(String.valueOf(w.region().id().value()),
                                "Hälsogrupp via Hälsocenter", null)));
    }

    private Organisation org(String name, PartyType type, String municipality, String county) {
        return organisations.create(new NewOrganisation(name, type, municipality, county, List.of()));
    }

    private Actor user(String username, String name, Role role, Organisation org) {
        organisations.createUser(new NewUser(username, PASSWORD, name, role, org.id(), null));
        return actors.byUsername(username);
    }
}
