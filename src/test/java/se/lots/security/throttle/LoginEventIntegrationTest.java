package se.lots.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.security.FromAddress;

@IntegrationTest
class LoginEventIntegrationTest {

    private static final String ADDRESS = "127.0.0.41";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final String guessed = "gissad-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void leaveNothingLocked() {
        jdbc.sql("DELETE FROM login_throttle WHERE key IN (?, ?)").params(guessed, ADDRESS).update();
    }

    @Test
    void theAuditorReadsTheFailedLoginsAndTheLockOfAGuessedAccountNameWithTheClientAddress() throws Exception {
        var guesser = new FromAddress(ADDRESS, port);
        for (int i = 0; i < 10; i++) {
            guesser.apiGet("/api/v1/organisations", guessed, "fel-" + i);
        }
        String today = LocalDate.now(clock).toString();

        var api = api("granskare", "/api/v1/audit/login-events?from=" + today + "&to=" + today + "&username=" + guessed);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"kind\":\"FAILURE\"", "\"kind\":\"LOCKED\"", "\"clientAddress\":\"" + ADDRESS
                + "\"", "\"username\":\"" + guessed + "\"");

        var page = WebSession.logIn(port, "granskare").get("/audit/inloggningar?username=" + guessed);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login-events\"", guessed, ADDRESS, "Spärrad");

        var nobody = WebSession.logIn(port, "granskare").get("/audit/inloggningar?username=finns-inte-" + guessed);
        assertThat(nobody.statusCode()).isEqualTo(200);
        assertThat(nobody.body()).contains("id=\"no-login-events\"");
    }

    @Test
    void onlyTheAuditorAndTheAdministratorReadTheLoginEvents() throws Exception {
        String today = LocalDate.now(clock).toString();
        String path = "/api/v1/audit/login-events?from=" + today + "&to=" + today;
        assertThat(api("demoadmin", path).statusCode()).isEqualTo(200);
        assertThat(api("coach", path).statusCode()).isEqualTo(403);
        assertThat(api("forbund", path).statusCode()).isEqualTo(403);
        assertThat(WebSession.logIn(port, "coach").get("/audit/inloggningar").statusCode()).isEqualTo(403);
    }

    @Test
    void aReversedPeriodIsRefusedNamingTheEndDate() throws Exception {
        var api = api("granskare", "/api/v1/audit/login-events?from=2026-12-31&to=2026-01-01");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"to\"", "Slutdatum kan inte vara före startdatum");

        var page = WebSession.logIn(port, "granskare").get("/audit/inloggningar?from=2026-12-31&to=2026-01-01");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"period-error\"");
    }

    private HttpResponse<String> api(String user, String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }
}
