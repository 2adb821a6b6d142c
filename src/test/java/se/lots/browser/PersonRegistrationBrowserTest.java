package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.browser.Registration.aRegistration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

@IntegrationTest
class PersonRegistrationBrowserTest {

    private static final String PERSON_PAGE = "/persons/[0-9a-f-]{36}";

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void logInAsKaa() {
        browser.on(port).loginAs("kaa");
    }

    @Test
    void registeredPersonIsShownWithNameAndFormattedPersonnummer() {
        var selma = aRegistration();
        browser.open("/persons/new");
        assertThat(browser.text("h1")).isEqualTo("Registrera ung person");
        browser.assertAccessible("register form");

        browser.register(selma);

        assertThat(browser.path()).matches(PERSON_PAGE);
        assertThat(browser.text("h1")).isEqualTo(selma.fullName());
        assertThat(browser.text("#identity")).isEqualTo(selma.formattedPersonalIdentityNumber());
        assertThat(browser.text("main .notice")).isEqualTo("Personen är registrerad.");
        assertThat(browser.text("#access-basis")).startsWith("Din åtkomst: Egen organisation ·");
        assertThat(browser.findAll("#facts dt")).extracting(WebElement::getText)
                .contains("Personnummer", "Födelsedatum", "Adress");
        assertThat(browser.text("#address")).contains(selma.street(), selma.postalCode(), selma.city());
        assertThat(browser.findAll("#protected-banner")).isEmpty();
        browser.assertAccessible("person page");
    }

    @Test
    void personnummerWithWrongCheckDigitIsRejectedNextToTheFieldAndNothingIsSaved() {
        var selma = aRegistration();
        String valid = selma.personalIdentityNumber();
        char last = valid.charAt(11);
        String wrongCheckDigit = valid.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10);

        browser.register(selma.withPersonalIdentityNumber(wrongCheckDigit));

        assertThat(browser.path()).isEqualTo("/persons/new");
        WebElement field = browser.find("#personalIdentityNumber");
        WebElement error = field.findElement(By.xpath("../*[@id='personalIdentityNumber-error']"));
        // "Fel:" is GOV.UK's visually hidden prefix, for screen readers
        assertThat(error.getText()).isEqualTo("Fel:\nPersonnumrets kontrollsiffra stämmer inte.");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("personalIdentityNumber-error");
        assertThat(browser.text(".errors-summary")).contains("Personnumrets kontrollsiffra stämmer inte.");
        assertThat(browser.find("#firstName").getAttribute("value")).as("what was typed is kept")
                .isEqualTo(selma.firstName());
        browser.assertAccessible("register form with errors");

        browser.open("/persons?q=" + selma.lastName());
        assertThat(browser.text("main p[role=status]")).isEqualTo("0 träffar");
        assertThat(browser.findAll("main table")).isEmpty();
        browser.open("/persons?q=" + valid);
        assertThat(browser.findAll("main table")).isEmpty();
    }

    @Test
    void registeringTheSamePersonnummerAgainShowsTheExistingRecordInsteadOfADuplicate() {
        var selma = aRegistration();
        browser.register(selma);
        String first = browser.path();
        assertThat(first).matches(PERSON_PAGE);

        browser.register(selma);

        assertThat(browser.path()).isEqualTo(first + "?existing=true");
        assertThat(browser.text("main .notice"))
                .isEqualTo("Personen finns redan i Lots. Här är den befintliga posten – ingen dubblett skapades.");
        assertThat(browser.text("#identity")).isEqualTo(selma.formattedPersonalIdentityNumber());

        browser.open("/persons?q=" + selma.personalIdentityNumber());
        assertThat(browser.findAll("main table tbody tr")).hasSize(1);
    }

    @Test
    void personIsFoundByTenDigitPersonnummerAndByPartOfTheName() {
        var selma = aRegistration();
        browser.register(selma);
        String personPage = browser.path();

        browser.open("/persons");
        browser.type("q", selma.tenDigitPersonalIdentityNumber());
        browser.clickAndWait("main form[role=search] button");
        assertThat(browser.text("main p[role=status]")).isEqualTo("1 träff");
        assertThat(onlyRow()).contains(selma.lastName() + ", " + selma.firstName(),
                selma.formattedPersonalIdentityNumber());
        browser.assertAccessible("search results");

        browser.type("q", selma.lastName().substring(1).toLowerCase());
        browser.clickAndWait("main form[role=search] button");
        assertThat(onlyRow()).contains(selma.lastName() + ", " + selma.firstName());
        browser.clickAndWait("main table tbody tr a");
        assertThat(browser.path()).isEqualTo(personPage);
    }

    @Test
    void protectedIdentityShowsTheBannerAndNoAddressAnywhere() {
        var selma = aRegistration().withProtectedIdentity();

        browser.register(selma);

        assertThat(browser.path()).matches(PERSON_PAGE);
        String personPage = browser.path();
        assertThat(browser.find("#protected-banner").isDisplayed()).isTrue();
        assertThat(browser.text("#protected-banner")).startsWith("Skyddad folkbokföring.");
        assertNoAddressIn(browser.source(), selma);
        assertThat(browser.findAll("#address")).isEmpty();
        browser.assertAccessible("person page with protected identity");

        browser.open("/persons?q=" + selma.lastName());
        assertThat(onlyRow()).contains(selma.lastName(), "Skyddad folkbokföring");
        assertNoAddressIn(browser.source(), selma);

        // on the edit page the flag is shown, not a checkbox: it changes on the person page, with a reason
        browser.open(personPage + "/edit");
        assertThat(browser.text("#protectedIdentity")).contains("Skyddad folkbokföring / sekretessmarkering:", "Ja");
        assertThat(browser.findAll("input[name=protectedIdentity]")).isEmpty();
        assertThat(browser.findAll("#address")).as("no address fields for a protected person").isEmpty();
        assertNoAddressIn(browser.source(), selma);
        browser.assertAccessible("edit page with protected identity");
    }

    @Test
    void protectedIdentityIsSetOnThePersonPageOnlyWithAReasonAndTheAddressIsErased() {
        var selma = aRegistration();
        browser.register(selma);
        assertThat(browser.text("#address")).contains(selma.street());
        assertThat(browser.text("#protectedIdentity")).isEqualTo("Personen har inte skyddad identitet i Lots.");
        browser.assertAccessible("person page with the protected identity action");

        browser.clickAndWait("#protected-submit");
        assertThat(browser.text("#skyddad-identitet .govuk-error-summary"))
                .contains("Ange skälet till ändringen av skyddad identitet (minst 10 tecken).");
        assertThat(browser.find("#reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#address")).as("nothing changed").contains(selma.street());
        browser.assertAccessible("protected identity action with an error");

        browser.type("reason", "Skatteverket har beslutat om skyddad folkbokföring");
        browser.clickAndWait("#protected-submit");

        assertThat(browser.text("main .notice")).isEqualTo("Skyddad identitet är satt. Adressen är raderad.");
        assertThat(browser.find("#protected-banner").isDisplayed()).isTrue();
        assertThat(browser.findAll("#address")).isEmpty();
        assertNoAddressIn(browser.source(), selma);
        assertThat(browser.text("#protected-submit")).as("a KAA coordinator may lift it")
                .isEqualTo("Häv skyddad identitet");
        browser.assertAccessible("person page after setting protected identity");
    }

    @Test
    void addressTypedBeforeTickingProtectedIdentityIsNeverSent() {
        var selma = aRegistration();
        browser.open("/persons/new");
        browser.type("address-street", selma.street());
        browser.type("address-city", selma.city());
        browser.find("#protectedIdentity").click();

        assertThat(browser.find("#address").isDisplayed()).isFalse();
        assertThat(browser.find("#address-street").getAttribute("value")).isEmpty();
        assertThat(browser.find("#address-city").getAttribute("value")).isEmpty();
    }

    private static String onlyRow() {
        var rows = browser.findAll("main table tbody tr");
        assertThat(rows).hasSize(1);
        return rows.get(0).getText();
    }

    private static void assertNoAddressIn(String source, Registration r) {
        assertThat(source).as("page source of %s", browser.path())
                .doesNotContain(r.street(), r.postalCode(), r.city(), "Prästkrage");
    }
}
