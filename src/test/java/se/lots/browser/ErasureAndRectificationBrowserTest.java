package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.CurrentActor;

/**
 * Erasure on request (GDPR art. 17) and rectification (art. 16) as their users do them, in headless Chromium with axe
 * on each page: the KAA coordinator's request is refused with the governing rules as a letter (art. 17.3 b), a
 * civil-society organisation erases a person only it holds, and a corrected last name is found by the auditor with
 * what was there before.
 */
@IntegrationTest
class ErasureAndRectificationBrowserTest {

    private static final String PASSWORD = "ett-langt-losenord";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void freshSession() {
        browser.on(port);
        browser.forgetSession();
    }

    @Test
    void theKaaCoordinatorRecordsARequestAndGetsTheRefusalWithTheGoverningRulesAsALetter() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Rakel", "Raderasson").build());
        browser.loginAs("kaa");

        browser.open("/persons/" + person.id());
        browser.clickAndWait("#erasure-link");
        assertThat(browser.path()).startsWith("/integritet/radering/ny");
        assertThat(browser.text("#erasure-person")).contains("Rakel Raderasson");
        assertThat(browser.find("#identity").getAttribute("value")).matches("\\d{8}-\\d{4}");
        assertThat(browser.text("#erasure-outcome")).contains("Begäran avslås", "17.3 b");
        assertThat(browser.text("#erasure-grounds")).contains("Grund:");
        assertThat(browser.text("#erasure-decide")).isEqualTo("Registrera begäran");
        browser.assertAccessible("the preview of an authority's erasure request");

        // forgetting how the requester showed who they are is an error named in Swedish
        browser.clickAndWait("#erasure-decide");
        assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
        browser.assertAccessible("the erasure request with errors");
        browser.find("label[for=requestedBy]").click();
        browser.find("label[for=identityCheck]").click();
        browser.clickAndWait("#erasure-decide");

        assertThat(browser.text("#erasure-case-outcome")).contains("Avslagen: allmänna handlingar (art. 17.3 b)");
        assertThat(browser.text("#letter-to")).contains("Rakel Raderasson");
        assertThat(browser.text("#letter-authority")).contains("art. 17.3 b", "arkivlagen (1990:782)");
        assertThat(browser.findAll("#letter-rules li")).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.getText()).contains("Grund:"));
        assertThat(browser.text("#decision-letter")).contains("Integritetsskyddsmyndigheten");
        browser.assertAccessible("the refusal letter");

        // the case, opened later from the list, keeps no identity; the person is still there
        browser.open("/integritet/radering");
        browser.assertAccessible("the list of erasure requests");
        String caseNumber = lastCaseNumber();
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText(caseNumber)));
        assertThat(browser.text("h1")).contains(caseNumber);
        assertThat(browser.source()).doesNotContain("Raderasson", person.personalIdentityNumber().value());
        assertThat(browser.findAll("#letter-to")).isEmpty();
        browser.assertAccessible("a refused erasure case");
        browser.open("/persons/" + person.id());
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.text("h1")).contains("Raderasson");
    }

    @Test
    void aCivilSocietyOrganisationErasesAPersonOnlyItHolds() {
        String username = civilSocietyUser(Role.PROGRAMME_LEAD);
        YoungPerson person = registry.register(actors.byUsername(username),
                aYoungPerson().named("Frida", "Försvinnersson").build());
        String pin = person.personalIdentityNumber().value();
        browser.login(username, PASSWORD);

        // from the list's search, by personnummer
        browser.open("/integritet/radering");
        assertThat(browser.findAll("#no-erasures")).hasSize(1);
        browser.type("identitet", pin);
        browser.clickAndWait("#erasure-preview");
        assertThat(browser.text("#erasure-person")).contains("Frida Försvinnersson");
        assertThat(browser.text("#erasure-outcome")).contains("Begäran kan bifallas", "Det går inte att ångra");
        assertThat(browser.find("#erasure-decide").getAttribute("class")).contains("govuk-button--warning");
        assertThat(browser.text("#erasure-decide")).isEqualTo("Registrera begäran och radera");
        browser.assertAccessible("the preview of an erasure that will be made");

        browser.find("label[for=requestedBy]").click();
        browser.find("label[for=identityCheck]").click();
        browser.clickAndWait("#erasure-decide");

        assertThat(browser.text("#erasure-case-outcome")).isEqualTo("Raderad");
        assertThat(browser.text("#erasure-case-rows")).contains("Personen finns inte längre i Lots");
        assertThat(browser.text("#letter-erased")).contains("Lots har inte längre några uppgifter om dig");
        browser.assertAccessible("the erasure decision");

        browser.open("/integritet/radering");
        String caseNumber = lastCaseNumber();
        browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.linkText(caseNumber)));
        assertThat(browser.text("#erasure-case-outcome")).isEqualTo("Raderad");
        assertThat(browser.source()).doesNotContain("Försvinnersson", "Frida", pin, person.id().toString());
        browser.assertAccessible("an erased case, later");

        browser.open("/persons/" + person.id());
        assertThat(browser.status()).isIn(403L, 404L);
        browser.open("/integritet/radering/ny?identitet=" + pin);
        assertThat(browser.findAll("#erasure-person")).isEmpty();
        assertThat(browser.findAll(".govuk-error-summary")).hasSize(1);
        browser.assertAccessible("a search for a person no longer in Lots");
    }

    @Test
    void aStaffMemberCorrectsALastNameWithAReasonAndTheAuditorSeesBeforeAndAfter() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Rutger", "Felstavsson").build());
        browser.loginAs("kaa");
        browser.open("/persons/" + person.id());
        browser.choose("rectification-field", "lastName");
        browser.type("rectification-value", "Rättstavsson");
        browser.clickAndWait("#rectification-submit");

        assertThat(browser.text("#rattelse .govuk-error-summary"))
                .contains("Ange skälet till rättelsen av efternamn");
        assertThat(browser.find("#rattelse .govuk-error-summary a").getAttribute("href"))
                .endsWith("#rectification-reason");
        assertThat(browser.find("#rectification-reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#rectification-value").getAttribute("value")).isEqualTo("Rättstavsson");
        assertThat(browser.text("h1")).contains("Felstavsson");
        browser.assertAccessible("a rectification without a reason");

        browser.choose("rectification-field", "lastName");
        browser.type("rectification-value", "Rättstavsson");
        browser.type("rectification-reason", "Den unge visade pass: efternamnet var felstavat");
        browser.clickAndWait("#rectification-submit");
        assertThat(browser.text(".notice")).contains("Rättelsen är sparad och loggad");
        assertThat(browser.driver().executeScript("""
                const r = document.querySelector('.notice').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;""")).as("the notice is in view").isEqualTo(true);
        assertThat(browser.text("h1")).contains("Rättstavsson");
        browser.assertAccessible("the person after a rectification");

        browser.logout();
        browser.forgetSession();
        browser.loginAs("granskare");
        browser.open("/audit");
        browser.type("pin", person.personalIdentityNumber().value());
        browser.choose("action", "RECTIFICATION");
        browser.clickAndWait("form[role=search] button[type=submit]");
        assertThat(browser.findAll("#audit-entries tbody tr")).singleElement().satisfies(row -> assertThat(
                row.getText()).contains("kaa", "Rättelse", "efternamn: \"Felstavsson\" -> \"Rättstavsson\"",
                        "Den unge visade pass"));
        browser.assertAccessible("the auditor's rectification entries");
    }

    private String lastCaseNumber() {
        List<String> numbers = browser.findAll("#erasures tbody tr td:first-child a").stream()
                .map(a -> a.getText()).sorted().toList();
        assertThat(numbers).isNotEmpty();
        return numbers.get(numbers.size() - 1);
    }

    private String civilSocietyUser(Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var org = organisations.create(new NewOrganisation("Förening " + suffix, PartyType.CIVIL_SOCIETY, null, null,
                List.of("Enhet")));
        organisations.createUser(new NewUser("forening-" + suffix, PASSWORD, "Fia Föreningsledare", role, org.id(),
                null));
        return "forening-" + suffix;
    }
}
