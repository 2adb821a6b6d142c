package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;

@IntegrationTest
class AccountDeactivationBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Autowired
    UserAccounts users;

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
    void theAdministratorDeactivatesAnAccountWhoseOpenSessionThenEndsAndReactivatesIt() {
        String username = "inaktiv-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "vinterns pilgrim vandrar " + username.length() + " mil";
        long id = organisations.createUser(new NewUser(username, password, "Ines Inaktiv", Role.CASE_WORKER,
                users.byUsername("coach").orElseThrow().organisationId(), null)).id();
        browser.login(username, password);
        assertThat(browser.path()).isEqualTo("/");
        Set<Cookie> usersSession = browser.driver().manage().getCookies();

        browser.loginAs("demoadmin");
        browser.open("/admin/users");
        assertThat(browser.text("#active-" + id)).startsWith("Aktiv");
        assertThat(browser.findAll("#active-" + users.byUsername("demoadmin").orElseThrow().id() + " button"))
                .as("no button to deactivate oneself").isEmpty();
        browser.assertAccessible("users page");
        browser.clickAndWait("#active-" + id + " button");
        assertThat(browser.text("main .notice")).startsWith("Kontot är inaktiverat");
        assertThat(browser.text("#active-" + id)).startsWith("Inaktiverad");

        browser.forgetSession();
        usersSession.forEach(cookie -> browser.driver().manage().addCookie(cookie));
        browser.open("/plan");
        assertThat(browser.path()).as("the open session's next page").isEqualTo("/login");
        browser.login(username, password);
        assertThat(browser.path()).isEqualTo("/login?error");

        browser.loginAs("demoadmin");
        browser.open("/admin/users");
        browser.clickAndWait("#active-" + id + " button");
        assertThat(browser.text("main .notice")).isEqualTo("Kontot är aktiverat igen.");
        browser.login(username, password);
        assertThat(browser.path()).isEqualTo("/");
    }
}
