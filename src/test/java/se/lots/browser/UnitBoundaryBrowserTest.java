package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * The administrator draws a municipality's secrecy boundaries on the unit page (issue 23): a nämnd without a line of
 * work is refused with the reason, a line of work is saved and shown in the units list, and the records the units'
 * users registered before follow their units' lines: the social services no longer read the KAA unit's young person.
 */
@IntegrationTest
class UnitBoundaryBrowserTest {

    private static final String PASSWORD = "enheternas gränser går vid nämnden";

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationService organisationService;
    @Autowired
    Organisations organisations;
    @Autowired
    RegistryService registry;
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
    void pointAtServer() {
        browser.on(port);
    }

    @Test
    void theAdministratorSetsTheUnitsNamndAndLineOfWorkAndTheRecordsFollowTheirUnits() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var kommun = organisationService.create(new NewOrganisation("Gränskommunen " + suffix, PartyType.KOMMUN,
                "1214", null, List.of("Elevhälsan och KAA", "Försörjningsstöd")));
        OrganisationUnit kaaUnit = unit(kommun.id(), "Elevhälsan och KAA");
        OrganisationUnit socialUnit = unit(kommun.id(), "Försörjningsstöd");
        organisationService.createUser(new NewUser("kaa-" + suffix, PASSWORD, "Kerstin KAA", Role.KAA_COORDINATOR,
                kommun.id(), kaaUnit.id()));
        organisationService.createUser(new NewUser("soc-" + suffix, PASSWORD, "Sune Social", Role.CASE_WORKER,
                kommun.id(), socialUnit.id()));
        // before the municipality is divided into lines of work, the whole municipality is one: both read the person
        var person = registry.register(actors.byUsername("kaa-" + suffix),
                PersonBuilder.aYoungPerson().named("Gräns", "Enhetsson").build());
        assertThat(registry.read(actors.byUsername("soc-" + suffix), person.id()).basis().purpose())
                .isEqualTo("EGEN_ORGANISATION");

        browser.loginAs("demoadmin");
        browser.open("/admin/organisations");
        browser.clickAndWait(browser.find("#unit-" + socialUnit.id() + " a"));
        assertThat(browser.path()).isEqualTo("/admin/units/" + socialUnit.id());
        assertThat(browser.text("h1")).isEqualTo("Enhet: Försörjningsstöd");
        browser.assertAccessible("unit page");

        // a nämnd without a line of work: refused, with the reason next to the field and in the summary
        browser.type("committee", "Socialnämnden");
        browser.driver().findElement(By.id("lineOfWork-INGEN")).click();
        browser.clickAndWait("main form button[type=submit]");
        assertThat(browser.text(".govuk-error-summary")).contains("Välj verksamhetsgren när enheten har en nämnd.");
        assertThat(browser.find("#committee").getAttribute("value")).isEqualTo("Socialnämnden");
        browser.assertAccessible("unit page with an error");

        browser.driver().findElement(By.id("lineOfWork-SOCIALTJANST")).click();
        browser.clickAndWait("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/admin/organisations#unit-" + socialUnit.id());
        assertThat(browser.text("main .notice")).isEqualTo("Enhetens nämnd och verksamhetsgren är sparade.");
        assertThat(browser.text("#unit-" + socialUnit.id())).contains("Försörjningsstöd", "Socialnämnden, Socialtjänst");
        // a unit's line and the form adding a unit to an organisation once shared the id "unit-N" when a unit and an
        // organisation had the same number: "#unit-N" then found the empty input (.ci/run, 8 December)
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.length - new Set(ids).size;"))
                .as("ids used twice on the organisations page").isZero();

        browser.open("/admin/units/" + kaaUnit.id());
        browser.type("committee", "Bildningsnämnden");
        browser.driver().findElement(By.id("lineOfWork")).click(); // the first choice: UTBILDNING_KAA
        browser.clickAndWait("main form button[type=submit]");
        assertThat(browser.text("#unit-" + kaaUnit.id()))
                .contains("Bildningsnämnden, Utbildning och kommunalt aktivitetsansvar");
        browser.assertAccessible("organisations page with lines of work");

        // the person registered by the KAA unit's user is now the education line's: the social services read nothing
        assertThat(unit(kommun.id(), "Försörjningsstöd").lineOfWork().name()).isEqualTo("SOCIALTJANST");
        assertThatThrownBy(() -> registry.read(actors.byUsername("soc-" + suffix), person.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(registry.read(actors.byUsername("kaa-" + suffix), person.id()).basis().purpose())
                .isEqualTo("EGEN_ORGANISATION");
    }

    private OrganisationUnit unit(se.lots.organisation.OrganisationId organisationId, String name) {
        return organisations.units(organisationId).stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
