package se.lots.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;

/** The administrator's pages and the deactivation of an account, over HTTP as a browser and a client would. */
@IntegrationTest
class AdminIntegrationTest {

    private static final String DEMO_PASSWORD = "lots-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService service;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOrganisationsPageOpensWholeForTheAdministratorWithItsForms() {
        WebSession admin = logIn("demoadmin", DEMO_PASSWORD);
        var page = admin.get("/admin/organisations");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Organisationer</h1>", "Svalövs kommun",
                "action=\"/admin/organisations\"", "name=\"partyType\"", "name=\"municipalityCode\"",
                "Lägg till enhet")
                .doesNotContain("Något gick fel").endsWith("</html>\n");
    }

    @Test
    void theUsersPageOpensWholeForTheAdministratorWithItsForms() {
        WebSession admin = logIn("demoadmin", DEMO_PASSWORD);
        var page = admin.get("/admin/users");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Användare</h1>", "demoadmin", "granskare",
                "action=\"/admin/users\"", "name=\"username\"", "name=\"displayName\"", "name=\"password\"",
                "name=\"organisationId\"", "Inaktivera")
                .doesNotContain("Något gick fel").endsWith("</html>\n");
    }

    @Test
    void aDeactivatedAccountCannotLogInAndItsSessionEndsAtTheNextRequestUntilItIsReactivated() {
        var user = aCaseWorker();
        WebSession session = logIn(user.username(), password(user));
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(apiAs(user.username(), password(user), "GET", "/api/v1/organisations", null).statusCode())
                .isEqualTo(200);

        var deactivated = apiAs("demoadmin", DEMO_PASSWORD, "POST", "/api/v1/users/" + user.id() + "/deactivate",
                null);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.body()).contains("\"active\":false");

        var next = session.get("/");
        assertThat(next.statusCode()).as("the open session's next page").isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(session.get("/").statusCode()).as("and the one after").isEqualTo(302);
        assertThat(apiAs(user.username(), password(user), "GET", "/api/v1/organisations", null).statusCode())
                .as("HTTP Basic").isEqualTo(401);
        assertThat(loginRedirect(user.username(), password(user))).endsWith("/login?error");

        var reactivated = apiAs("demoadmin", DEMO_PASSWORD, "POST", "/api/v1/users/" + user.id() + "/activate",
                null);
        assertThat(reactivated.statusCode()).as(reactivated.body()).isEqualTo(200);
        assertThat(apiAs(user.username(), password(user), "GET", "/api/v1/organisations", null).statusCode())
                .isEqualTo(200);
        assertThat(loginRedirect(user.username(), password(user))).doesNotContain("error");

        assertThat(jdbc.sql("""
                SELECT detail FROM audit_entry WHERE username = 'demoadmin' AND action = 'UPDATE'
                   AND purpose = 'ADMINISTRATION' AND detail LIKE ? ORDER BY id""")
                .param("%" + user.username()).query(String.class).list())
                .containsExactly("konto inaktiverat: " + user.username(), "konto aktiverat: " + user.username());
    }

    @Test
    void anAdministratorCannotDeactivateTheirOwnAccount() {
        long me = users.byUsername("demoadmin").orElseThrow().id();

        var refused = apiAs("demoadmin", DEMO_PASSWORD, "POST", "/api/v1/users/" + me + "/deactivate",
                null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Du kan inte inaktivera ditt eget konto");
        assertThat(users.byId(me).orElseThrow().active()).isTrue();
    }

    @Test
    void onlyTheAdministratorMayDeactivateAnAccount() {
        var user = aCaseWorker();

        var refused = apiAs("coach", DEMO_PASSWORD, "POST", "/api/v1/users/" + user.id() + "/deactivate",
                null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(users.byId(user.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void theAdministratorEntersAUsersWorkEmailAndPhoneAndAWrongAddressIsRefused() {
        var user = aCaseWorker();
        WebSession admin = logIn("demoadmin", DEMO_PASSWORD);
        assertThat(admin.get("/admin/users").body()).contains("name=\"email\"", "name=\"phone\"",
                "action=\"/admin/users/" + user.id() + "/contact\"", "E-post i tjänsten");

        var saved = admin.postForm("/admin/users", "/admin/users/" + user.id() + "/contact",
                Map.of("email", " test.testsson@kommun.example ", "phone", "0418-123 45"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(users.byId(user.id()).orElseThrow()).extracting(UserAccount::email, UserAccount::phone)
                .containsExactly("test.testsson@kommun.example", "0418-123 45");

        var refused = admin.postForm("/admin/users", "/admin/users/" + user.id() + "/contact",
                Map.of("email", "inte en adress", "phone", ""));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users").body()).contains("id=\"contact-errors\"",
                "E-postadressen har fel format.");
        assertThat(users.byId(user.id()).orElseThrow().email()).as("unchanged")
                .isEqualTo("test.testsson@kommun.example");

        var created = admin.postForm("/admin/users", Map.of("username", "med-epost-" + user.id(), "password",
                "vinterns pilgrim vandrar tolv mil", "displayName", "Med Epost", "role", "CASE_WORKER",
                "organisationId", String.valueOf(user.organisationId().value()), "email", "med.epost@kommun.example",
                "phone", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(users.byUsername("med-epost-" + user.id()).orElseThrow().email())
                .isEqualTo("med.epost@kommun.example");
        assertThat(apiAs("coach", DEMO_PASSWORD, "GET", "/admin/users", null).statusCode())
                .as("not for a case worker").isIn(302, 403);
    }

    // ---------------------------------------------------------------------------------------------------------

    private UserAccount aCaseWorker() {
        OrganisationId organisation = users.byUsername("coach").orElseThrow().organisationId();
        String username = "deaktiv-" + UUID.randomUUID().toString().substring(0, 8);
        return service.createUser(new NewUser(username, "vinterns pilgrim vandrar " + username.length() + " mil",
                "Test Testsson",
                Role.CASE_WORKER, organisation, null));
    }

    private static String password(UserAccount user) {
        return "vinterns pilgrim vandrar " + user.username().length() + " mil";
    }

    private HttpResponse<String> apiAs(String username, String password, String method, String path, String json) {
        var api = WebSession.anonymous(port);
        return api.send(api.request(path)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
    }

    private WebSession logIn(String username, String password) {
        return WebSession.logIn(port, username, password);
    }

    private String loginRedirect(String username, String password) {
        var response = WebSession.anonymous(port).postForm("/login",
                Map.of("username", username, "password", password));
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }
}
