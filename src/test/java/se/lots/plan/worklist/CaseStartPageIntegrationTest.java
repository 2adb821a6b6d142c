package se.lots.plan.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanService;
import se.lots.plan.StepInput;
import se.lots.plan.plans.PlanInput;
import se.lots.plan.plans.PlanStep;
import se.lots.plan.plans.TrackKind;
import se.lots.registry.Address;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The start page's case-worker panel and Mina ärenden over HTTP, as a case worker uses them: a coordinator whose
 * plan has an overdue step (someone else's) sees the case and the step; reviews, consents running out and
 * enrolments without a start registration; an empty day; another organisation's user; a protected identity.
 */
@IntegrationTest
class CaseStartPageIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @LocalServerPort
    int port;
    @Autowired
    PlanService plans;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    // a colleague of the coach's in the coach's unit: the municipality is divided into lines of work
    @Autowired
    UserAccounts users;
    @Autowired
    Clock clock;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A case worker of the coach's organisation with no cases yet. */
    private Actor newCaseWorker(String name) {
        Actor coach = actors.byUsername("coach");
        String username = "start-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser(username, PASSWORD, name, Role.CASE_WORKER, coach.organisationId(),
                users.byUsername("coach").orElseThrow().unitId()));
        return actors.byUsername(username);
    }

    private WebSession logIn(Actor user) {
        return WebSession.logIn(port, user.username(), PASSWORD);
    }

    /** A young person of the coach's organisation with a plan; {@code coordinator} coordinates it, review as given. */
    private UUID planCoordinatedBy(Actor coordinator, String lastName, LocalDate review, boolean protectedIdentity) {
        Actor coach = actors.byUsername("coach");
        var person = aYoungPerson().named("Start", lastName);
        if (protectedIdentity) {
            person = person.protectedIdentity();
        } else {
            person = person.withAddress(new Address("Hemligvägen 7", "268 31", "Svalöv"));
        }
        UUID id = registry.register(coach, person.build()).id();
        plans.create(coach, id);
        plans.update(coach, id, new PlanInput("Jobba", null, String.valueOf(coordinator.userId()),
                review == null ? null : review.toString(), plans.page(coach, id).plan().version()));
        return id;
    }

    /** A step of the coach's organisation, named for {@code responsible} (or nobody), due on the day given. */
    private PlanStep step(UUID person, String title, Actor responsible, LocalDate due, String status) {
        Actor coach = actors.byUsername("coach");
        PlanPage page = plans.page(coach, person);
        long track = page.tracks().stream().filter(t -> t.kind() == TrackKind.ARBETE).findFirst().orElseThrow().id();
        return plans.addStep(coach, person, new StepInput(String.valueOf(track), title, "KOMMUNEN",
                responsible == null ? null : String.valueOf(responsible.userId()), null, null, null, null, null, null,
                due.toString(), status, null, false, List.of(), null));
    }

    @Test
    void aCoordinatorWhosePlanHasSomeoneElsesOverdueStepSeesTheCaseInMinaArendenAndTheStepOnTheStartPage() {
        Actor worker = newCaseWorker("Saga Samordnare");
        Actor colleague = newCaseWorker("Kim Kollega");
        UUID person = planCoordinatedBy(worker, "Forsenadsson", today().plusDays(60), false);
        PlanStep late = step(person, "Söka praktikplats", colleague, today().minusDays(3), "PAGAR");
        step(person, "Klart sedan länge", colleague, today().minusDays(30), "KLAR");
        WebSession web = logIn(worker);

        String mine = web.get("/plan").body();
        assertThat(mine).contains("Start Forsenadsson", "Samordnare", "1 försenat steg, sedan " + today().minusDays(3));
        assertThat(mine).doesNotContain("Du samordnar ingen plan");

        String start = web.get("/").body();
        assertThat(start).contains("id=\"plan-start\"", "Du har 1 ärende");
        assertThat(section(start, "plan-start-steps")).contains("Start Forsenadsson: Söka praktikplats",
                "href=\"/plan/steps/" + late.id() + "\"").doesNotContain("Klart sedan länge");
        assertThat(start).doesNotContain("Inget är försenat, och inget väntar");
        // the colleague named for the step sees it too, as their own step
        assertThat(logIn(colleague).get("/").body()).contains("Start Forsenadsson: Söka praktikplats");

        long audited = jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE username = ? AND person_id = ? AND detail = 'startsida plan'""")
                .params(worker.username(), person).query(Long.class).single();
        assertThat(audited).as("the person shown on the start page is audited").isEqualTo(1);
    }

    @Test
    void whenTheStepIsDoneItLeavesTheStartPageAndTheCaseStaysInMinaArenden() {
        Actor worker = newCaseWorker("Dana Gör");
        UUID person = planCoordinatedBy(worker, "Klarsson", null, false);
        PlanStep late = step(person, "Ringa arbetsgivaren", worker, today().minusDays(1), "PLANERAD");
        WebSession web = logIn(worker);
        assertThat(web.get("/").body()).contains("Ringa arbetsgivaren");

        var done = new StepInput(String.valueOf(late.trackId()), late.title(), "KOMMUNEN",
                String.valueOf(worker.userId()), null, null, null, null, null, null, late.dueOn().toString(), "KLAR",
                null, false, List.of(), late.version());
        plans.updateStep(worker, late.id(), done);

        // the organisation may have referrals waiting from other tests (then the panel lists each kind and says no
        // step is late) or, run alone, nothing else due (then the panel says the whole day is empty)
        String start = web.get("/").body();
        assertThat(start).doesNotContain("Ringa arbetsgivaren").contains("Du har 1 ärende");
        if (start.contains("id=\"plan-start-steps\"")) {
            assertThat(section(start, "plan-start-steps")).contains("Inget är försenat.");
        } else {
            assertThat(start).contains("Inget är försenat, och inget väntar på dig i dag.");
        }
        assertThat(web.get("/plan").body()).contains("Start Klarsson", "Inget förfaller just nu");
    }

    @Test
    void anEmptyDaySaysSo() {
        // an organisation of its own: the coach's has referrals waiting from other tests
        var organisation = organisations.create(new NewOrganisation("Tomma dagens kommun " + UUID.randomUUID(),
                PartyType.KOMMUN, "1214", null, null));
        String username = "start-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser(username, PASSWORD, "Ny Anställd", Role.CASE_WORKER, organisation.id(),
                null));
        Actor worker = actors.byUsername(username);

        String start = logIn(worker).get("/").body();

        assertThat(start).contains("Du har inga ärenden", "Inget är försenat, och inget väntar på dig i dag.",
                "Alla dina inskrivningar har en startregistrering.");
        assertThat(logIn(worker).get("/plan").body()).contains("Du samordnar ingen plan och har inga öppna steg.");
    }

    @Test
    void reviewsDueAndConsentsRunningOutAreListedWithLinksToWhereTheyAreDone() {
        Actor worker = newCaseWorker("Rut Uppföljare");
        Actor coach = actors.byUsername("coach");
        UUID review = planCoordinatedBy(worker, "Uppfoljningsson", today().minusDays(2), false);
        UUID consent = planCoordinatedBy(worker, "Samtyckesson", today().plusDays(90), false);
        UUID renewed = planCoordinatedBy(worker, "Fornyadsson", today().plusDays(90), false);
        Actor af = actors.byUsername("af");
        consents.record(coach, consent, coach.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.PLAN), GivenHow.SKRIFTLIGT, today().minusDays(100),
                today().plusDays(10)));
        // a consent that ends soon but is already renewed is not running out
        consents.record(coach, renewed, coach.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.PLAN), GivenHow.SKRIFTLIGT, today().minusDays(100),
                today().plusDays(5)));
        consents.record(coach, renewed, coach.organisationId(), new NewConsent(null, af.organisationId(),
                ConsentPurpose.SAMORDNING, List.of(ConsentScope.PLAN, ConsentScope.GRUNDUPPGIFTER),
                GivenHow.SKRIFTLIGT, today().plusDays(6), today().plusDays(200)));
        WebSession web = logIn(worker);

        String start = web.get("/").body();

        assertThat(section(start, "plan-start-reviews")).contains("Start Uppfoljningsson",
                "href=\"/persons/" + review + "/plan?formular=review#review\"",
                "försenat sedan " + today().minusDays(2));
        assertThat(section(start, "plan-start-consents")).contains("Start Samtyckesson",
                "href=\"/persons/" + consent + "#samtycken\"", "löper ut " + today().plusDays(10))
                .doesNotContain("Fornyadsson");
        assertThat(start).contains("Du har 3 ärenden");

        String onlyConsents = web.get("/plan?visa=samtycke").body();
        assertThat(onlyConsents).contains("Start Samtyckesson", "löper ut " + today().plusDays(10))
                .doesNotContain("Start Uppfoljningsson", "Start Fornyadsson");
        String onlyReviews = web.get("/plan?visa=uppfoljning").body();
        assertThat(onlyReviews).contains("Start Uppfoljningsson").doesNotContain("Start Samtyckesson");
    }

    @Test
    void moreThanFiveOverdueStepsShowTheFirstFiveAndVisaAllaLeadsToTheCasesWithOverdueSteps() {
        Actor worker = newCaseWorker("Många Steg");
        UUID calm = planCoordinatedBy(worker, "Lugnsson", null, false);
        step(calm, "Om en månad", worker, today().plusDays(30), "PLANERAD");
        for (int n = 0; n < 6; n++) {
            UUID person = planCoordinatedBy(worker, "Sensson" + (char) ('A' + n), null, false);
            step(person, "Steg " + n, worker, today().minusDays(20 - n), "PLANERAD");
        }
        WebSession web = logIn(worker);

        String steps = section(web.get("/").body(), "plan-start-steps");

        assertThat(steps).contains("Steg 0", "Steg 4", "Visa alla (6)", "href=\"/plan?visa=forsenade\"")
                .doesNotContain("Steg 5");
        assertThat(steps.indexOf("Steg 0")).isLessThan(steps.indexOf("Steg 4"));
        String overdue = web.get("/plan?visa=forsenade").body();
        assertThat(overdue).contains("Start SenssonA", "Start SenssonF").doesNotContain("Start Lugnsson");
        String all = web.get("/plan?sortera=namn").body();
        assertThat(all).contains("Start Lugnsson", "Start SenssonA");
        assertThat(all.indexOf("Start Lugnsson")).as("by name").isLessThan(all.indexOf("Start SenssonA"));
        String urgent = web.get("/plan").body();
        assertThat(urgent.indexOf("Start SenssonA")).as("most urgent first").isLessThan(urgent.indexOf("Start Lugnsson"));
    }

    @Test
    void anEnrolmentWithoutAStartRegistrationIsOnTheContactPersonsStartPage() {
        Actor worker = newCaseWorker("Kontakt Person");
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Startpanel " + UUID.randomUUID().toString().substring(0, 8));
        UUID person = registry.register(lead, aYoungPerson().named("Start", "Inskrivensson").build()).id();
        Enrolment e = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                today().minusDays(3).toString(), null, String.valueOf(worker.userId()), "Behöver stöd mot arbete"));
        WebSession web = logIn(worker);

        String panel = section(web.get("/").body(), "progression-start");

        assertThat(panel).contains("Start Inskrivensson", "href=\"/enrolments/" + e.id() + "/registrering\"");
        assertThat(web.get("/uppfoljning/utan-startregistrering").body()).contains("Start Inskrivensson");
        assertThat(logIn(newCaseWorker("Annan Kontakt")).get("/").body()).doesNotContain("Start Inskrivensson");
    }

    @Test
    void aUserOfAnotherOrganisationSeesNoneOfItAndAProtectedIdentityShowsNoAddress() {
        Actor worker = newCaseWorker("Skydd Samordnare");
        UUID open = planCoordinatedBy(worker, "Oppensson", today().minusDays(1), false);
        UUID hidden = planCoordinatedBy(worker, "Skyddadsson", today().minusDays(1), true);
        step(open, "Öppet steg", worker, today().minusDays(2), "PAGAR");
        step(hidden, "Skyddat steg", worker, today().minusDays(2), "PAGAR");

        String start = logIn(worker).get("/").body();
        String mine = logIn(worker).get("/plan").body();
        assertThat(start).contains("Start Skyddadsson", "Start Oppensson");
        assertThat(start + mine).as("no address on either page").doesNotContain("Hemligvägen", "268 31");

        for (String other : List.of("af", "vardcentral")) {
            String theirs = WebSession.logIn(port, other).get("/").body();
            String theirCases = WebSession.logIn(port, other).get("/plan").body();
            assertThat(theirs + theirCases).as(other).doesNotContain("Start Oppensson", "Start Skyddadsson",
                    "Öppet steg", "Skyddat steg");
        }
    }

    /** The part of the page inside the element with this id, up to the next element of the start panel. */
    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as("#%s on the page", id).isPositive();
        int to = page.indexOf("class=\"lots-start-due\"", from + 1);
        int end = page.indexOf("</section>", from);
        return page.substring(from, to > 0 && to < end ? to : end);
    }
}
