package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.federation.FederationFixture;

/**
 * The förbund officer in headless Chromium: adds the members one by one (the warning for a missing party shrinks),
 * sets the area, registers a programme that two municipalities alone would run (refused with the Finsam rule), adds
 * Arbetsförmedlingen and saves it; the overview then lists it. axe on every page on the way.
 */
@IntegrationTest
class FederationBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    FederationFixture fixture;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void theOfficerAddsMembersAndRegistersAProgrammeThatMeetsTheFinsamRule() {
        var f = fixture.bare();
        browser.on(port).login(f.officer().username(), FederationFixture.PASSWORD);
        browser.open("/forbund/medlemmar");
        assertThat(browser.text("#missing-list")).contains("Försäkringskassan", "Arbetsförmedlingen", "Kommun");
        browser.assertAccessible("members, none yet");

        browser.clickAndWait("#add-member button");
        assertThat(browser.findAll("#organisationId-error")).as("an organisation is required").hasSize(1);
        browser.assertAccessible("members, add refused");
        for (var member : java.util.List.of(f.kommun(), f.otherKommun(), f.af())) {
            browser.choose("organisationId", member.id().toString());
            date("joinedOn", "2019-01-01");
            browser.clickAndWait("#add-member button");
            assertThat(browser.text(".notice")).contains(member.name() + " är medlem.");
        }
        assertThat(browser.text("#members")).contains(f.kommun().name(), f.af().name(), "2019-01-01");
        assertThat(browser.text("#missing-list")).isEqualTo("Region, Försäkringskassan.");
        assertThat(browser.text("#shares")).contains("Försäkringskassan", "50 %");
        assertThat(browser.text("main")).contains("5 a §");
        browser.type("area", "1214, 1282");
        browser.clickAndWait("#area-form button");
        assertThat(browser.text("#area-list")).contains("Svalöv", "Landskrona");
        browser.assertAccessible("members added");

        browser.open("/forbund/insatser/ny");
        browser.assertAccessible("new programme form");
        browser.type("caseNumber", "DNR " + f.tag());
        browser.choose("ownerOrganisationId", f.kommun().id().toString());
        browser.type("name", "Tvåkommunsteamet " + f.tag());
        browser.type("purpose", "Att unga i två kommuner kommer närmare arbete");
        date("startsOn", "2025-01-01");
        browser.find("#municipality-1214").click();
        browser.find("#party-" + f.otherKommun().id()).click();
        browser.choose("funderKind-0", "FORBUND");
        browser.type("funderShare-0", "100");
        browser.clickAndWait("#programme-form button[type=submit]");
        assertThat(browser.text("#partyOrganisationIds-error")).contains("flera kommuner räknas som en part",
                "lag 2003:1210 5 § andra stycket");
        assertThat(browser.find("#party-" + f.otherKommun().id()).isSelected()).as("the form keeps what was typed")
                .isTrue();
        browser.assertAccessible("new programme refused by the Finsam rule");

        browser.find("#party-" + f.af().id()).click();
        browser.clickAndWait("#programme-form button[type=submit]");
        assertThat(browser.text(".notice")).contains("Tvåkommunsteamet " + f.tag() + " är registrerad");
        assertThat(browser.text("#case-number")).isEqualTo("DNR " + f.tag());
        assertThat(browser.text("#parties")).contains(f.kommun().name(), f.otherKommun().name(), f.af().name());
        assertThat(browser.text("#funders")).contains(f.forbund().name(), "100 %");
        browser.assertAccessible("programme registered");

        browser.clickAndWait(browser.driver().findElement(By.linkText("Översikt")));
        assertThat(browser.text("#overview-programmes")).contains("DNR " + f.tag(), "Tvåkommunsteamet", "Pågår");
        assertThat(browser.text("#overview-members")).contains(f.af().name());
        browser.assertAccessible("federation overview");
    }

    private void date(String id, String value) {
        browser.driver().executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
