package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * "Hitta insats" when the referral cannot go: without consent for the provider's organisation the referral is
 * refused with the organisation named, and the proposal can still become a step of the plan. (The three clicks from
 * the plan to a sent referral are part of the journey, {@link InterventionMapJourneyBrowserTest}.)
 */
@IntegrationTest
class FindInterventionBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
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
