package se.lots.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.plan.PlanService;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/** The plan over REST: same rules as the page (no consent, no plan), stale versions are 409 with a Swedish text. */
@IntegrationTest
class PlanApiIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    PlanService plans;

    @Test
    void aPlanIsBuiltOverRestAndAStaleStepIsAConflict() throws Exception {
        UUID person = registry.register(actors.byUsername("coach"), aYoungPerson().build()).id();
        assertThat(send("coach", "POST", "/api/v1/persons/" + person + "/plan", "").statusCode()).isEqualTo(201);
        long work = plans.page(actors.byUsername("coach"), person).tracks().get(0).id();

        var created = send("coach", "POST", "/api/v1/persons/" + person + "/plan/steps", """
                {"trackId":"%d","title":"Praktik","responsibleParty":"KOMMUNEN","status":"PLANERAD"}""".formatted(work));
        assertThat(created.statusCode()).isEqualTo(201);
        var id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        String stepId = id.group(1);

        String body = """
                {"trackId":"%d","title":"Praktik på lager","responsibleParty":"KOMMUNEN","status":"PAGAR","version":0}"""
                .formatted(work);
        assertThat(send("coach", "PUT", "/api/v1/steps/" + stepId, body).statusCode()).isEqualTo(200);
        var stale = send("coach", "PUT", "/api/v1/steps/" + stepId, body);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Någon annan sparade steget");

        var bad = send("coach", "POST", "/api/v1/persons/" + person + "/plan/steps", """
                {"trackId":"%d","title":"","responsibleParty":"ALLA"}""".formatted(work));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("title", "responsibleParty");

        assertThat(send("af", "GET", "/api/v1/persons/" + person + "/plan", null).statusCode()).isEqualTo(403);
        assertThat(send("analytiker", "GET", "/api/v1/persons/" + person + "/plan", null).statusCode())
                .isEqualTo(403);
        var read = send("coach", "GET", "/api/v1/persons/" + person + "/plan", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Praktik på lager", "\"level\":\"SHARED\"");
    }

    private HttpResponse<String> send(String user, String method, String path, String json) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
