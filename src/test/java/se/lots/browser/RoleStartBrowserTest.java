package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.security.throttle.LoginThrottle;

/**
 * The day's work from the start page of the roles whose start page was a sentence until issue 22, and of the case
 * workers of Arbetsförmedlingen, Försäkringskassan and the region, in headless Chromium with axe: each starts on the
 * start page, follows its link, does the work, and the start page shows that it is done.
 */
@IntegrationTest
class RoleStartBrowserTest {

    private static final String PASSWORD = "ett-langt-losenord";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    ReferralService referrals;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    Clock clock;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void desktop() {
        browser.on(port);
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(new Dimension(1366, 900));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A case worker of a new organisation of the party type (so that its referrals are this test's only ones). */
    private Actor caseWorkerOf(PartyType party) {
        Organisation organisation = organisations.create(new NewOrganisation(unique("Remissmottagare " + party),
                party, null, party == PartyType.REGION ? "12" : null, List.of()));
        String username = unique("mottagare");
        organisations.createUser(new NewUser(username, PASSWORD, "Rut Mottagare", Role.CASE_WORKER,
                organisation.id(), null));
        return actors.byUsername(username);
    }

    @ParameterizedTest
    @EnumSource(value = PartyType.class, names = { "ARBETSFORMEDLINGEN", "FORSAKRINGSKASSAN", "REGION" })
    void aCaseWorkerOfAnotherPartySeesTheWaitingReferralAcceptsItAndTheStartPageNoLongerCountsIt(PartyType party) {
        Actor receiver = caseWorkerOf(party);
        Actor coach = actors.byUsername("coach");
        String lastName = unique("Remiss");
        UUID person = registry.register(coach, aYoungPerson().named("Rebecka", lastName).build()).id();
        consents.record(coach, person, coach.organisationId(), new NewConsent(null, receiver.organisationId(),
                ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                null, LocalDate.now(clock).plusMonths(6)));
        referrals.send(coach, person, new ReferralInput(String.valueOf(receiver.organisationId()), null, null,
                "Samtalsstöd", "Oro inför arbetsträning", "Bedömning och samtal"));
        String name = "Rebecka " + lastName;

        browser.login(receiver.username(), PASSWORD);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.text("#plan-start-referrals h3")).isEqualTo("Remisser som väntar på svar 1");
        assertThat(browser.text("#plan-start-referrals")).contains(name);
        browser.assertAccessible("start page of a case worker of " + party + " with a referral");

        WebElement item = browser.findAll("#plan-start-referrals a").stream()
                .filter(a -> a.getText().equals(name)).findFirst().orElseThrow();
        browser.clickAndWait(item);
        assertThat(browser.path()).isEqualTo("/plan/referrals#incoming");
        browser.assertAccessible("referrals page of " + party);
        answer(name, "Ta emot");
        answer(name, "Acceptera");
        assertThat(row(name).getText().toLowerCase()).contains("accepterad");

        browser.open("/");
        assertThat(browser.text("#plan-start")).doesNotContain(name);
        assertThat(browser.findAll("#plan-start-referrals")).as("nothing waits: the panel says so instead").isEmpty();
        assertThat(browser.text("#plan-start-nothing"))
                .isEqualTo("Inget är försenat, och inget väntar på dig i dag.");

        // another organisation of the same party never sees it
        Actor other = caseWorkerOf(party);
        browser.login(other.username(), PASSWORD);
        assertThat(browser.text("main")).doesNotContain(name);
        browser.open("/plan/referrals");
        assertThat(browser.text("main")).doesNotContain(name);
    }

    @Test
    void aCaseWorkerOfTheDemosArbetsformedlingenDoesNotSeeAReferralToTheRegion() {
        Actor receiver = caseWorkerOf(PartyType.REGION);
        Actor coach = actors.byUsername("coach");
        String lastName = unique("Region");
        UUID person = registry.register(coach, aYoungPerson().named("Rut", lastName).build()).id();
        consents.record(coach, person, coach.organisationId(), new NewConsent(null, receiver.organisationId(),
                ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                null, LocalDate.now(clock).plusMonths(6)));
        referrals.send(coach, person, new ReferralInput(String.valueOf(receiver.organisationId()), null, null,
                "Samtalsstöd", "Sömnproblem", "Bedömning"));

        browser.loginAs("af");
        assertThat(browser.findAll("#plan-start")).as("af is a case worker: the panel is there").hasSize(1);
        assertThat(browser.text("main")).doesNotContain(lastName);
        browser.open("/plan/referrals");
        assertThat(browser.text("main")).doesNotContain(lastName);

        browser.login(receiver.username(), PASSWORD);
        assertThat(browser.text("#plan-start-referrals")).contains("Rut " + lastName);
    }

    private WebElement row(String name) {
        return browser.findAll("#incoming tr").stream().filter(tr -> tr.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not among the incoming referrals"));
    }

    private void answer(String name, String button) {
        WebElement submit = row(name).findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().equals(button)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + button + " for " + name));
        browser.clickAndWait(submit);
        assertThat(browser.path()).startsWith("/plan/referrals");
    }

    @Test
    void theFederationOfficerOpensTheFundersReportOfAProgrammeTheirForbundFundsFromTheStartPage() {
        browser.loginAs("forbund");
        assertThat(browser.text("#finsam-start h2")).isEqualTo("Uppföljning av insatserna");
        List<String> reports = browser.findAll("#finsam-start a.finsam-start-report").stream()
                .map(WebElement::getText).toList();
        assertThat(reports).contains("Rapport till finansiären: Framsteget ung (Svalövs kommun)")
                .as("the municipality's own KAA follow-up is not the förbund's")
                .noneMatch(r -> r.contains("KAA-uppföljning"));
        assertThat(browser.text("#finsam-start")).contains("kommer till Lots senare");
        assertThat(browser.findAll("#coverage-start")).hasSize(1);
        browser.assertAccessible("the förbund officer's start page");

        WebElement framsteget = browser.findAll("#finsam-start a.finsam-start-report").stream()
                .filter(a -> a.getText().contains("Framsteget ung")).findFirst().orElseThrow();
        browser.clickAndWait(framsteget);
        assertThat(browser.path()).matches("/programmes/[0-9]+/rapport");
        assertThat(browser.status()).isEqualTo(200L);
        assertThat(browser.text("h1")).isEqualTo("Rapport till finansiären: Framsteget ung");
        browser.assertAccessible("the funder's report opened from the start page");
    }

    @Test
    void theAnalystOpensUppfoljningFinsamAndTheCoverageMapFromTheStartPageAndSeesNoPersonalData() {
        // one enrolled person of this test's own, so that there is personal data the pages could leak
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Analysgruppen " + UUID.randomUUID().toString().substring(0, 8));
        UUID person = registry.register(lead, aYoungPerson().named("Analysa", "Synligsson").build()).id();
        enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                LocalDate.now(clock).minusMonths(1).toString(), null, null, "Behöver stöd mot arbete"));
        List<String> enrolled = jdbc.sql("""
                SELECT DISTINCT y.first_name || ' ' || y.last_name FROM registry_person y
                  JOIN plan_enrolment e ON e.person_id = y.id WHERE y.first_name IS NOT NULL""")
                .query(String.class).list();
        // their personnummer as stored and as printed (yyyymmdd-nnnn, yymmdd-nnnn): other tests name programmes with
        // long numbers, so a pattern for "a personnummer" would match a programme's name
        List<String> numbers = jdbc.sql("""
                SELECT DISTINCT y.personal_identity_number FROM registry_person y
                  JOIN plan_enrolment e ON e.person_id = y.id WHERE y.personal_identity_number IS NOT NULL""")
                .query(String.class).list().stream()
                .flatMap(n -> Stream.of(n, n.substring(0, 8) + "-" + n.substring(8), n.substring(2, 8) + "-" + n.substring(8)))
                .toList();
        assertThat(numbers).as("enrolled persons with a personnummer exist, or the check below checks nothing")
                .isNotEmpty();
        browser.loginAs("analytiker");
        assertThat(browser.findAll("#q")).as("no person search for the analyst").isEmpty();
        assertThat(browser.text("#finsam-start-count"))
                .matches("([0-9]+ aktiva insatser|1 aktiv insats) följs upp i Lots\\.");
        assertThat(browser.findAll("#finsam-start a.finsam-start-report")).as("the officer's list, not the analyst's")
                .isEmpty();
        String gaps = browser.text("#coverage-start-gaps");
        assertThat(gaps).matches("[0-9]+ av [0-9]+ rutor saknar insatser\\.");
        browser.assertAccessible("the analyst's start page");

        browser.clickAndWait("#finsam-start-link");
        assertThat(browser.path()).isEqualTo("/uppfoljning/finsam");
        assertThat(browser.text("h1")).isEqualTo("Uppföljning Finsam");
        String finsam = browser.text("main");
        assertThat(numbers).noneMatch(finsam::contains);
        assertThat(enrolled).noneMatch(finsam::contains);
        browser.assertAccessible("Uppföljning Finsam opened from the start page");

        browser.open("/");
        browser.clickAndWait("#coverage-start-gaps");
        assertThat(browser.path()).isEqualTo("/insatser/karta");
        assertThat(browser.text("#coverage-summary")).as("the map says what the panel said").isEqualTo(gaps);
        String map = browser.text("main");
        assertThat(numbers).noneMatch(map::contains);
        assertThat(enrolled).noneMatch(map::contains);
    }

    @Test
    void theAuditorSeesAReadOfAProtectedIdentityOnTheStartPageAndOpensTheLogFilteredOnIt() {
        Actor kaa = actors.byUsername("kaa");
        Actor coach = actors.byUsername("coach");
        UUID hidden = registry.register(kaa, aYoungPerson().named("Skyddad", unique("Person")).protectedIdentity()
                .build()).id();
        registry.read(coach, hidden);
        String prefix = hidden.toString().substring(0, 8);

        browser.loginAs("granskare");
        long failedBefore = count("#audit-start-logins h3");
        assertThat(browser.text("#audit-start-protected h3"))
                .startsWith("Läsningar av personer med skyddad identitet, senaste 7 dagarna");
        assertThat(count("#audit-start-protected h3")).isGreaterThanOrEqualTo(1);
        WebElement read = browser.findAll("#audit-start-protected a.audit-start-protected").stream()
                .filter(a -> a.getText().contains("person " + prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the read of " + prefix + " is not on the start page"));
        assertThat(read.getText()).startsWith("coach ");
        assertThat(browser.findAll("#q")).as("the auditor reads no personal data").isEmpty();
        browser.assertAccessible("the auditor's start page");

        browser.clickAndWait(read);
        assertThat(browser.path()).startsWith("/audit?personId=" + hidden);
        List<String> rows = browser.findAll("#audit-entries tbody tr").stream().map(WebElement::getText).toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains(prefix))
                .anyMatch(r -> r.contains("coach") && r.contains("Läsning"));
        browser.assertAccessible("the audit log filtered on the protected person");

        // a password refused today (from an address of its own: the browser's must stay unthrottled) is counted on
        // the start page, and the link shows it
        String guessed = unique("gissning");
        throttle.failed(guessed, "192.0.2.7");
        browser.open("/");
        assertThat(count("#audit-start-logins h3")).isEqualTo(failedBefore + 1);
        browser.clickAndWait("#audit-start-logins-link");
        assertThat(browser.path()).startsWith("/audit/inloggningar?from=");
        assertThat(browser.text("#login-events")).contains(guessed);

        browser.open("/");
        browser.clickAndWait("#audit-start-chain button");
        assertThat(browser.path()).isEqualTo("/audit");
        assertThat(browser.text("#verification")).startsWith("Loggkedjan är obruten");
    }

    @Test
    void theAdministratorSeesAnAccountWithoutContactDetailsDeactivatesItAndThePanelCountDrops() {
        Actor coach = actors.byUsername("coach");
        String username = unique("oanvand");
        long id = organisations.createUser(new NewUser(username, PASSWORD, "Olle Oanvänd", Role.CASE_WORKER,
                coach.organisationId(), null)).id();

        browser.loginAs("demoadmin");
        long before = count("#admin-start-contact h3");
        assertThat(before).isGreaterThanOrEqualTo(1);
        browser.assertAccessible("the administrator's start page");

        browser.clickAndWait("#admin-start-contact-all");
        assertThat(browser.path()).isEqualTo("/admin/users?visa=utan-kontakt");
        assertThat(browser.text("#users-filter"))
                .isEqualTo("Aktiva konton utan e-post eller telefon (" + before + ")");
        assertThat(browser.text("#user-" + id)).contains(username, "Olle Oanvänd");
        browser.assertAccessible("the users without contact details");
        browser.clickAndWait("#active-" + id + " button");
        assertThat(browser.text("main .notice")).startsWith("Kontot är inaktiverat");
        assertThat(browser.text("#active-" + id)).startsWith("Inaktiverad");

        browser.open("/");
        assertThat(count("#admin-start-contact h3")).isEqualTo(before - 1);
        browser.clickAndWait("#admin-start-contact-all");
        assertThat(browser.findAll("#user-" + id)).as("a deactivated account needs no reminders").isEmpty();
    }

    @Test
    void onAPhoneTheNewStartPanelsAndThePagesTheyLeadToDoNotScrollSideways() {
        browser.driver().manage().window().setSize(new Dimension(400, 900));
        // the pages this change moved; the pages of other modules that the panels link to are those modules' tests'
        for (var role : List.of(List.of("granskare", "/", "/audit", "/audit/inloggningar"),
                List.of("demoadmin", "/", "/admin/users?visa=utan-kontakt", "/admin/organisations"),
                List.of("forbund", "/"), List.of("analytiker", "/"))) {
            browser.loginAs(role.get(0));
            for (String page : role.subList(1, role.size())) {
                browser.open(page);
                assertThat(number("return window.innerWidth")).as("a phone's window").isLessThanOrEqualTo(400);
                assertThat(number("return document.documentElement.scrollWidth"))
                        .as("no sideways scroll on " + page + " for " + role.get(0))
                        .isLessThanOrEqualTo(number("return window.innerWidth"));
                browser.assertAccessible(page + " for " + role.get(0) + " at 400 px");
            }
        }
        browser.forgetSession();
        browser.open("/login");
        assertThat(number("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(number("return window.innerWidth"));
        browser.assertAccessible("login page at 400 px");
    }

    /** The figure in a heading's tag ("Nödåtkomster, senaste 7 dagarna 2" → 2). */
    private static long count(String headingCss) {
        return Long.parseLong(browser.find(headingCss).findElement(By.cssSelector("strong.govuk-tag")).getText());
    }

    private static long number(String script) {
        return ((Number) browser.driver().executeScript(script)).longValue();
    }
}
