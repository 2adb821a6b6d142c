package se.lots.federation.report;

import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * A Finsam programme of a fresh förbund with its own organisations and users, unique per call: the owner municipality
 * (its programme lead and a case worker), a region and Arbetsförmedlingen with a programme lead each, and
 * Försäkringskassan without users; the förbund's officer and another förbund's. The plan module's programme through
 * its service, the federation_programme rows (V70, until the programme pages are on main) by SQL.
 */
public final class FinalReportFixture {

    public static final String PASSWORD = "ett-langt-losenord";
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

    final OrganisationService organisations;
    final EnrolmentService enrolments;
    final RegistryService registry;
    final CurrentActor actors;
    final JdbcClient jdbc;

    public FinalReportFixture(OrganisationService organisations, EnrolmentService enrolments, RegistryService registry,
            CurrentActor actors, JdbcClient jdbc) {
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.registry = registry;
        this.actors = actors;
        this.jdbc = jdbc;
    }

    /** The programme and who is who; usernames are the actors' usernames (password {@link #PASSWORD}). */
    public record Programme(long id, String caseNumber, Organisation federation, Organisation owner, Organisation region,
            Organisation af, Organisation fk, Actor lead, Actor caseWorker, Actor regionLead, Actor afLead,
            Actor officer, Actor otherOfficer, Actor outsider) {
    }

    public Programme programme(LocalDate startsOn, LocalDate endsOn) {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Organisation federation = organisation("Samordningsförbundet Test " + s, PartyType.FORBUND, null, null);
        Organisation otherFederation = organisation("Annat förbund " + s, PartyType.FORBUND, null, null);
        Organisation owner = organisation("Håbo kommun " + s, PartyType.KOMMUN, "0305", null);
        Organisation region = organisation("Region Uppsala " + s, PartyType.REGION, null, "03");
        Organisation af = organisation("Arbetsförmedlingen " + s, PartyType.ARBETSFORMEDLINGEN, null, null);
        Organisation fk = organisation("Försäkringskassan " + s, PartyType.FORSAKRINGSKASSAN, null, null);
        Organisation outsiderOrg = organisation("Annan kommun " + s, PartyType.KOMMUN, "0380", null);
        Actor lead = user("lead-" + s, "Lena Insatsledare", Role.PROGRAMME_LEAD, owner, "lena@habo.example");
        Actor caseWorker = user("hl-" + s, "Hans Handläggare", Role.CASE_WORKER, owner, null);
        Actor regionLead = user("region-" + s, "Rut Region", Role.PROGRAMME_LEAD, region, "rut@region.example");
        Actor afLead = user("af-" + s, "Arne Förmedlare", Role.PROGRAMME_LEAD, af, null);
        Actor officer = user("fb-" + s, "Frida Förbund", Role.FEDERATION_OFFICER, federation, null);
        Actor otherOfficer = user("fb2-" + s, "Olle Annat", Role.FEDERATION_OFFICER, otherFederation, null);
        Actor outsider = user("ut-" + s, "Ulla Utanför", Role.PROGRAMME_LEAD, outsiderOrg, null);

        long programme = enrolments.saveProgramme(lead, "Framsteget " + s);
        enrolments.setProgrammeFundedBy(lead, programme, String.valueOf(federation.id().value()));
        String caseNumber = "2017:" + s;
        jdbc.sql("""
                INSERT INTO federation_programme (programme_id, federation_id, case_number, purpose, target_group,
                    target_age_from, target_age_to, method, starts_on, ends_on, expected_per_year, created_by)
                VALUES (?, ?, ?, 'Stötta individer att uppnå egen försörjning', 'Unga vuxna långt från arbete', 16,
                    29, 'Samordningsteam och ungdomssatsning', ?, ?, 70, ?)""")
                .params(programme, federation.id().value(), caseNumber, startsOn, endsOn, lead.userId()).update();
        for (Organisation party : List.of(owner, region, af, fk)) {
            jdbc.sql("INSERT INTO federation_programme_party (programme_id, organisation_id) VALUES (?, ?)")
                    .params(programme, party.id().value()).update();
        }
        return new Programme(programme, caseNumber, federation, owner, region, af, fk, lead, caseWorker, regionLead,
                afLead, officer, otherOfficer, outsider);
    }

    /** Enrols a participant of this gender on the day. */
    public void participant(Programme p, String gender, LocalDate on) {
        UUID person = registry.register(p.lead(), aYoungPerson().named("Slut", "Rapportsson").gender(gender).build())
                .id();
        enrolments.enrol(p.lead(), person, new EnrolmentInput(String.valueOf(p.id()), on.toString(), null, null,
                "Behöver stöd"));
    }

    private Organisation organisation(String name, PartyType type, String municipality, String county) {
        return organisations.create(new NewOrganisation(name, type, municipality, county, List.of("Enhet")));
    }

    private Actor user(String username, String name, Role role, Organisation org, String email) {
        organisations.createUser(new NewUser(username, PASSWORD, name, role, org.id(), null, email, null));
        return actors.byUsername(username);
    }
}
