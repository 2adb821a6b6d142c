package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;

/** The administrator's pages and the deactivation of an account, over HTTP as a browser and a client would. */
@IntegrationTest
class AdminIntegrationTest {

    private static final String DEMO_PASSWORD = "lots-demo-2026";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService service;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient api = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theOrganisationsPageOpensWholeForTheAdministratorWithItsForms() {
        HttpClient admin = logIn("demoadmin", DEMO_PASSWORD);
        var page = get(admin, "/admin/organisations");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Organisationer</h1>", "Svalövs kommun",
                "action=\"/admin/organisations\"", "name=\"partyType\"", "name=\"municipalityCode\"",
                "Lägg till enhet")
                .doesNotContain("Något gick fel").endsWith("</html>\n");
    }

    @Test
    void theUsersPageOpensWholeForTheAdministratorWithItsForms() {
        HttpClient admin = logIn("demoadmin", DEMO_PASSWORD);
        var page = get(admin, "/admin/users");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Användare</h1>", "demoadmin", "granskare",
                "action=\"/admin/users\"", "name=\"username\"", "name=\"displayName\"", "name=\"password\"",
                "name=\"organisationId\"", "Inaktivera")
                .doesNotContain("Något gick fel").endsWith("</html>\n");
    }

    @Test
    void aDeactivatedAccountCannotLogInAndItsSessionEndsAtTheNextRequestUntilItIsReactivated() {
        var user = aCaseWorker();
        HttpClient session = logIn(user.username(), password(user));
        assertThat(get(session, "/").statusCode()).isEqualTo(200);
        assertThat(apiAs(user.username(), password(user), "GET", "/api/v1/organisations", null).statusCode())
                .isEqualTo(200);

        var deactivated = apiAs("demoadmin", DEMO_PASSWORD, "POST", "/api/v1/users/" + user.id() + "/deactivate",
                null);
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.body()).contains("\"active\":false");

        var next = get(session, "/");
        assertThat(next.statusCode()).as("the open session's next page").isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get(session, "/").statusCode()).as("and the one after").isEqualTo(302);
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

    // ---------------------------------------------------------------------------------------------------------

    private UserAccount aCaseWorker() {
        long organisation = users.byUsername("coach").orElseThrow().organisationId();
        String username = "deaktiv-" + UUID.randomUUID().toString().substring(0, 8);
        return service.createUser(new NewUser(username, "vinterns pilgrim vandrar " + username.length() + " mil",
                "Test Testsson",
                Role.CASE_WORKER, organisation, null));
    }

    private static String password(UserAccount user) {
        return "vinterns pilgrim vandrar " + user.username().length() + " mil";
    }

    private HttpResponse<String> apiAs(String username, String password, String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)).build();
        return send(api, request);
    }

    private HttpClient logIn(String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String location = postLogin(browser, username, password);
        assertThat(location).as("login of %s", username).doesNotContain("error");
        return browser;
    }

    private String loginRedirect(String username, String password) {
        return postLogin(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), username, password);
    }

    private String postLogin(HttpClient browser, String username, String password) {
        var csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        var response = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form))
                .build());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    private HttpResponse<String> get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
