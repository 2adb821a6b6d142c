package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * A case worker at AME opens a young person's plan, writes their goal in their own words, adds steps in two
 * parallel tracks (one confidential), enrols them, prints "Din plan" and discharges them with an outcome; a second
 * save of the same step from a stale page shows what changed; in headless Chromium with axe.
 */
@IntegrationTest
class PlanBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    CurrentActor actors;
    @Autowired
    se.lots.consent.ConsentService consents;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /**
     * The journey in one go: a case worker enrols a young person, builds a parallel plan with the young
     * person's goal, holds a SIP with two other organisations, sends a referral to the health centre which a nurse
     * there accepts, sees the waiting time, prints "Din plan" and discharges with the outcome.
     */
    @Test
    void aCaseWorkerRunsTheJourneyFromEnrolmentThroughSipAndReferralToDischarge() throws IOException {
        var coach = actors.byUsername("coach");
        var af = actors.byUsername("af");
        var nurse = actors.byUsername("vardcentral");
        UUID person = registry.register(coach, aYoungPerson().named("Sara", "Planberg").build()).id();
        long programme = enrolments.saveProgramme(actors.byUsername("insatsledare"), "Framsteget ung");
        consentFor(coach, person, af);
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person);
        browser.clickAndWait("#plan-link");
        browser.clickAndWait("#start-plan");

        // enrol in the programme
        browser.openPanel("#enrol-panel");
        browser.clickAndWait("#enrol-button");
        assertThat(browser.text("#inskrivningar")).contains("Fältet måste fyllas i");
        browser.type("reason", "Varken arbetar eller studerar sedan i våras");
        // other tests add programmes to the same organisation: choose this one
        browser.choose("programmeId", String.valueOf(programme));
        browser.clickAndWait("#enrol-button");
        assertThat(browser.text("#inskrivningar")).contains("Framsteget ung");

        // the young person's goal and parallel tracks
        browser.type("goal", "Jag vill jobba med djur och ta körkort");
        browser.type("strengths", "Noggrann, bra med hästar");
        browser.clickAndWait("#save-goal");
        assertThat(browser.text("[role=status]")).contains("Planen är sparad");
        addStep("ARBETE", "Praktik på stall", "Ring stallet på måndag", false);
        addStep("HALSA", "Samtal om sömn", "Boka tid", true);
        browser.openPanel("#step-panel");
        // the steps it depends on are checkboxes: the label ticks its box
        browser.driver().findElement(By.xpath("//fieldset[@id='dependsOn']//label[normalize-space()='Praktik på stall']"))
                .click();
        addStep("ARBETE", "Sommarjobb på stall", "Ansök i april", false);
        assertThat(browser.text("#track-ARBETE")).contains("Beror på: Praktik på stall");
        assertThat(browser.text("#track-ARBETE")).contains("Praktik på stall", "Ring stallet på måndag", "Planerad");
        assertThat(browser.text("#track-HALSA")).contains("Samtal om sömn", "Sekretess");
        assertThat(browser.text("#tidslinje")).contains("Praktik på stall", "planen startades");
        browser.assertAccessible("plan page");

        // SIP with AF and the region: the region's consent is missing, and the page says so
        browser.openPanel("#meeting-panel");
        browser.find("#meeting-org-" + af.organisationId()).click();
        browser.find("#meeting-org-" + nurse.organisationId()).click();
        browser.clickAndWait("#create-meeting");
        assertThat(browser.text("#meeting-errors")).contains("Samtycke saknas", "Region Skåne")
                .doesNotContain("Arbetsförmedlingen");
        assertThat(browser.find("#meeting-errors a").getAttribute("href")).endsWith("/persons/" + person + "#samtycken");
        consentFor(coach, person, nurse);
        browser.openPanel("#meeting-panel"); // open already: it came back with the error
        browser.find("#meeting-org-" + af.organisationId()).click();
        browser.find("#meeting-org-" + nurse.organisationId()).click();
        browser.clickAndWait("#create-meeting");
        assertThat(browser.text("#moten")).contains("SIP", "Arbetsförmedlingen", "Region Skåne");

        // the minutes: a decision becomes a step in the plan
        browser.openPanel("#moten article details");
        browser.find("#moten textarea[name=minutes]").sendKeys("Vi börjar med hälsa och praktik parallellt.");
        browser.find("#moten input[name=decisionTitle]").sendKeys("Boka hälsosamtal");
        browser.clickAndWait(browser.find("#moten button.save-minutes"));
        assertThat(browser.text("#spar")).contains("Boka hälsosamtal");
        assertThat(browser.text("#tidslinje")).contains("protokoll skrivet");
        browser.assertAccessible("plan with meeting");

        // a referral to the health centre
        browser.openPanel("#referral-panel");
        browser.choose("toOrganisationId", String.valueOf(nurse.organisationId()));
        // the unit list follows the chosen organisation (htmx): the region's health centre, not the kommun's units
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> browser.text("#toUnitId").contains("Vårdcentralen Svalöv"));
        assertThat(browser.text("#toUnitId")).doesNotContain("Arbetsmarknadsenheten");
        new org.openqa.selenium.support.ui.Select(browser.find("#toUnitId")).selectByVisibleText("Vårdcentralen Svalöv");
        browser.type("referral-reason", "Sover dåligt, orkar inte praktik");
        browser.type("referral-request", "Hälsosamtal med sjuksköterska");
        browser.clickAndWait("#send-referral-button");
        assertThat(browser.text("#remisser")).contains("Hälsosamtal med sjuksköterska", "skickad",
                "Vårdcentralen Svalöv");
        jdbc.sql("UPDATE referral SET sent_at = sent_at - interval '4 days' WHERE person_id = ?").param(person).update();

        // the nurse, another user in another organisation, receives, accepts and starts it
        browser.logout();
        browser.loginAs("vardcentral");
        browser.open("/plan");
        assertThat(browser.text("#waiting-referrals")).contains("remisser till er organisation väntar på svar");
        browser.clickAndWait("#waiting-referrals a");
        browser.assertAccessible("referrals page");
        for (String to : new String[] { "MOTTAGEN", "ACCEPTERAD", "PABORJAD" }) {
            browser.clickAndWait(browser.driver().findElement(By.xpath("//tr[td/a[text()='Sara Planberg']]//button[contains(@class,'to-" + to + "')]")));
            assertThat(browser.text("[role=status]")).contains("Remissen är uppdaterad");
        }
        browser.open("/persons/" + person + "/plan");
        assertThat(browser.text("#remisser")).contains("påbörjad", "4 dagar");
        assertThat(browser.text("#moten")).contains("Vi börjar med hälsa");
        assertThat(browser.text("#spar")).doesNotContain("Samtal om sömn"); // the municipality's confidential step

        // back at the municipality: the waiting time per receiver
        browser.logout();
        browser.loginAs("coach");
        browser.open("/plan/referrals");
        assertThat(browser.text("#outgoing")).contains("Sara Planberg", "påbörjad", "4 dagar");
        assertThat(browser.text("#waiting-times")).contains("Region Skåne");

        // Din plan: the goal and next steps, never the confidential step
        browser.open("/persons/" + person + "/plan");
        @SuppressWarnings("unchecked")
        var response = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('your-plan').href).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    let s = ''; bytes.forEach(b => s += String.fromCharCode(b));
                    done({ type: r.headers.get('content-type'), pdf: btoa(s) });
                  }).catch(e => done({ error: String(e) }));""");
        assertThat(response.get("type")).isEqualTo("application/pdf");
        try (var pdf = Loader.loadPDF(Base64.getDecoder().decode((String) response.get("pdf")))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Din plan, Sara", "Jag vill jobba med djur", "Praktik på stall",
                    "Nästa steg: Ring stallet på måndag", "Boka hälsosamtal").doesNotContain("Samtal om sömn");
        }

        // discharge with the outcome
        browser.choose(browser.find("#inskrivningar select[name=endReason]").getAttribute("id"), "ARBETE");
        browser.clickAndWait(browser.find("#inskrivningar button.discharge"));
        // asked once, with what will be saved, before the outcome counts in the follow-up
        assertThat(browser.text("main")).contains("Avsluta inskrivningen?", "Framsteget ung", "Arbete");
        browser.clickAndWait(browser.find("button.confirm-discharge"));
        assertThat(browser.text("#inskrivningar")).contains("Arbete");
        assertThat(browser.text("#tidslinje")).contains("Utskrivning", "Inskrivning");
    }

    @Test
    void aSecondSaveFromAStaleFormShowsWhatChangedAndSavingAgainMerges() {
        UUID person = registry.register(actors.byUsername("coach"), aYoungPerson().named("Tove", "Tvåflik").build())
                .id();
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person + "/plan");
        browser.clickAndWait("#start-plan");
        addStep("ARBETE", "Praktik på stall", "Ring stallet på måndag", false);

        // two tabs: the step is saved from one, then from a stale copy of the form
        browser.clickAndWait(browser.driver().findElement(By.cssSelector("#track-ARBETE a")));
        String stepUrl = browser.driver().getCurrentUrl();
        browser.choose("status", "PAGAR");
        browser.clickAndWait("#save-step");
        browser.driver().navigate().back();
        browser.driver().navigate().back();
        if (!browser.driver().getCurrentUrl().equals(stepUrl)) {
            browser.driver().get(stepUrl);
            // a fresh page would carry the new version: take the old one back, as a stale tab would have it
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('[name=version]').value = String(Number(document.querySelector('[name=version]').value) - 1)");
        }
        browser.type("how", "Två dagar i veckan");
        browser.clickAndWait("#save-step");
        assertThat(browser.text("#step-conflict")).contains("Någon annan sparade steget", "Sparat av Cem Yilmaz")
                .contains("Hur").contains("Två dagar i veckan");
        browser.assertAccessible("step conflict");
        browser.choose("status", "PAGAR");
        browser.clickAndWait("#save-step");
        assertThat(browser.text("#track-ARBETE")).contains("Pågår");
    }

    /**
     * The plan page's forms are closed panels loaded when opened. Without JavaScript the panel's link renders the
     * page with that form open; a form of a plan the user may not see, or a form that does not exist, is refused.
     */
    @Test
    void aClosedFormLoadsWhenOpenedAndOnlyForThoseWhoMaySeeThePlan() {
        UUID person = registry.register(actors.byUsername("coach"), aYoungPerson().named("Ines", "Panelsson").build())
                .id();
        browser.on(port).loginAs("coach");
        browser.open("/persons/" + person + "/plan");
        browser.clickAndWait("#start-plan");
        assertThat(browser.findAll("#send-referral")).isEmpty();
        assertThat(browser.find("#referral-panel").getAttribute("open")).isNull();
        browser.openPanel("#referral-panel");
        assertThat(browser.text("#toOrganisationId")).contains("Region Skåne");

        // the link in a closed panel, followed as without JavaScript: the same page with that form open
        browser.open("/persons/" + person + "/plan");
        browser.driver().get(browser.find("#support-panel .form-body a").getAttribute("href"));
        assertThat(browser.find("#support-panel").getAttribute("open")).isNotNull();
        assertThat(browser.findAll("#support-panel form")).hasSize(1);
        assertThat(browser.findAll("#referral-panel form")).isEmpty();
        browser.assertAccessible("plan page with a form open");

        assertThat(status("/persons/" + person + "/plan/forms/referral")).isEqualTo(200);
        assertThat(status("/persons/" + person + "/plan/forms/layout")).isEqualTo(404);
        assertThat(status("/persons/" + person + "/plan/forms/minutes?meeting=" + UUID.randomUUID())).isEqualTo(404);
        browser.logout();
        browser.loginAs("af"); // another organisation, no consent
        assertThat(status("/persons/" + person + "/plan/forms/referral")).isEqualTo(403);
    }

    private long status(String path) {
        return (Long) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { redirect: 'manual' }).then(r => done(r.status)).catch(e => done(-1));""", path);
    }

    private void consentFor(se.lots.security.Actor holder, UUID person, se.lots.security.Actor to) {
        consents.record(holder, person, holder.organisationId(), new se.lots.consent.NewConsent(null,
                to.organisationId(), se.lots.consent.ConsentPurpose.SIP,
                java.util.List.of(se.lots.consent.ConsentScope.GRUNDUPPGIFTER, se.lots.consent.ConsentScope.PLAN),
                se.lots.consent.GivenHow.SKRIFTLIGT, null, java.time.LocalDate.now().plusMonths(6)));
    }

    private void addStep(String track, String title, String next, boolean confidential) {
        browser.openPanel("#step-panel");
        var option = browser.driver().findElement(By.xpath("//select[@id='trackId']/option[normalize-space()='"
                + (track.equals("ARBETE") ? "Arbete" : "Hälsa") + "']"));
        browser.choose("trackId", option.getAttribute("value"));
        browser.type("title", title);
        browser.type("nextStep", next);
        browser.type("dueOn", "");
        if (confidential) {
            browser.find("#confidential").click();
        }
        browser.clickAndWait("#add-step");
    }
}
