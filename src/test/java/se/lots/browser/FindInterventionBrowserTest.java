package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * From a young person's plan to a sent referral in three clicks: "Hitta insats", the needs saved (one click with
 * the boxes ticked), "Skicka remiss" on the proposal that fits; the referral is on the plan, to the intervention's
 * provider, with the catalogue's intervention.
 */
@IntegrationTest
class FindInterventionBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    ConsentService consents;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void aCaseWorkerGoesFromTheYoungPersonsNeedsToASentReferral() {
        var coach = actors.byUsername("coach");
        var nurse = actors.byUsername("vardcentral");
        UUID person = registry.register(coach, aYoungPerson().named("Hugo", "Behovsson")
                .withoutNumber(LocalDate.now().minusYears(20).toString()).build()).id();
        consents.record(coach, person, coach.organisationId(), new NewConsent(null, nurse.organisationId(),
                ConsentPurpose.REMISS, List.of(ConsentScope.GRUNDUPPGIFTER, ConsentScope.PLAN), GivenHow.SKRIFTLIGT,
                null, LocalDate.now().plusMonths(6)));
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person + "/plan");
        browser.clickAndWait("#start-plan");

        browser.clickAndWait("#find-intervention");                                    // 1
        browser.find("#need-VARDKONTAKT_PSYKISK_HALSA").click();
        browser.clickAndWait("#save-needs");                                           // 2
        assertThat(browser.text("[role=status]")).contains("Behoven är sparade");
        assertThat(browser.find("#need-VARDKONTAKT_PSYKISK_HALSA").isSelected()).isTrue();
        String proposals = browser.text("#proposals");
        assertThat(proposals).contains("Hälsosamtal för unga", "Möter behovet Vårdkontakt / psykisk hälsa",
                "lediga platser").doesNotContain("Språkcafé");
        browser.assertAccessible("find intervention");

        long healthTalk = jdbc.sql("SELECT id FROM intervention WHERE name = 'Hälsosamtal för unga'")
                .query(Long.class).single();
        browser.clickAndWait("#proposal-" + healthTalk + " button.send-referral");      // 3
        assertThat(browser.text("[role=status]")).contains("Remissen är skickad");
        assertThat(browser.text("#remisser")).contains("Region Skåne", "Plats i Hälsosamtal för unga", "skickad");
        assertThat(jdbc.sql("SELECT intervention_id FROM referral WHERE person_id = ?").param(person)
                .query(Long.class).single()).isEqualTo(healthTalk);
    }

    @Test
    void withoutConsentForTheProviderTheReferralIsRefusedAndTheProposalCanStillBecomeAStep() {
        var coach = actors.byUsername("coach");
        UUID person = registry.register(coach, aYoungPerson().named("Ida", "Utansamtycke")
                .withoutNumber(LocalDate.now().minusYears(19).toString()).build()).id();
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person + "/insatser");
        browser.find("#need-VARDKONTAKT_PSYKISK_HALSA").click();
        browser.clickAndWait("#save-needs");
        long healthTalk = jdbc.sql("SELECT id FROM intervention WHERE name = 'Hälsosamtal för unga'")
                .query(Long.class).single();

        browser.clickAndWait("#proposal-" + healthTalk + " button.send-referral");

        assertThat(browser.text("#find-errors")).contains("Region Skåne");
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE person_id = ?").param(person).query(Long.class)
                .single()).isZero();
        browser.clickAndWait("#proposal-" + healthTalk + " form.add-as-step button");
        assertThat(browser.text("#spar")).contains("Hälsosamtal för unga", "Kontakta ");
    }
}
