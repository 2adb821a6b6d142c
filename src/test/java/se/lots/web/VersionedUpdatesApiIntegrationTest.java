package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every API update of shared data names the version it started from (a {@code version} in the body or
 * {@code If-Match}): without it 428 and nothing saved; a stale one 409 with what is saved now, to compare.
 */
@IntegrationTest
class VersionedUpdatesApiIntegrationTest {

    private static final String VERSION_REQUIRED = "Ange vilken version du utgick från";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonUpdateWithoutAVersionIs428AndSavesNothing() throws Exception {
        JsonNode person = newPerson();
        ObjectNode change = personInput(person, "Utanversion");
        change.remove("version");

        var response = send("kaa", "PUT", "/api/v1/persons/" + person.get("id").asString(), change, null);

        assertThat(response.statusCode()).isEqualTo(428);
        assertThat(response.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);
        var read = send("kaa", "GET", "/api/v1/persons/" + person.get("id").asString(), null, null);
        assertThat(json.readTree(read.body()).get("lastName").asString()).isEqualTo("Versionsson");
    }

    @Test
    void aStalePersonUpdateIs409WithThePersonAsSavedNow() throws Exception {
        JsonNode person = newPerson();
        String path = "/api/v1/persons/" + person.get("id").asString();
        assertThat(send("kaa", "PUT", path, personInput(person, "Förste"), null).statusCode()).isEqualTo(200);

        var stale = send("kaa", "PUT", path, personInput(person, "Andre"), null);

        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode body = json.readTree(stale.body());
        assertThat(body.get("errors").get(0).get("message").asString()).contains("Någon annan har ändrat");
        assertThat(body.get("current").get("lastName").asString()).isEqualTo("Förste");
        assertThat(body.get("current").get("version").asInt()).isEqualTo(1);
        assertThat(json.readTree(send("kaa", "GET", path, null, null).body()))
                .as("the 409's current is the person as GET returns it")
                .isEqualTo(body.get("current"));
    }

    @Test
    void aPersonIsReadWithAnETagAndUpdatedWithIfMatch() throws Exception {
        JsonNode person = newPerson();
        String path = "/api/v1/persons/" + person.get("id").asString();
        var read = send("kaa", "GET", path, null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");

        ObjectNode change = personInput(person, "Etagsson");
        change.remove("version");
        var saved = send("kaa", "PUT", path, change, etag);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(send("kaa", "PUT", path, change, etag).statusCode()).isEqualTo(409);
    }

    @Test
    void aPlanUpdateWithoutAVersionIs428AndAStaleOneIs409WithThePlanAsSavedNow() throws Exception {
        String person = newPerson().get("id").asString();
        String path = "/api/v1/persons/" + person + "/plan";
        assertThat(send("coach", "POST", path, json.createObjectNode(), null).statusCode()).isEqualTo(201);
        ObjectNode plan = json.createObjectNode().put("goal", "Jobba med djur").put("strengths", "Noggrann");

        var without = send("coach", "PUT", path, plan, null);
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);

        assertThat(send("coach", "PUT", path, plan.put("version", 0), null).statusCode()).isEqualTo(200);
        var stale = send("coach", "PUT", path, plan.put("goal", "Jobba med hästar"), null);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode current = json.readTree(stale.body()).get("current");
        assertThat(current.get("goal").asString()).isEqualTo("Jobba med djur");
        assertThat(current.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aStepUpdateWithoutAVersionIs428AndAStaleOneIs409WithTheStepAsSavedNow() throws Exception {
        String person = newPerson().get("id").asString();
        send("coach", "POST", "/api/v1/persons/" + person + "/plan", json.createObjectNode(), null);
        long track = json.readTree(send("coach", "GET", "/api/v1/persons/" + person + "/plan", null, null).body())
                .get("tracks").get(0).get("id").asLong();
        ObjectNode step = json.createObjectNode().put("trackId", String.valueOf(track)).put("title", "Praktik")
                .put("responsibleParty", "KOMMUNEN").put("status", "PLANERAD");
        var created = send("coach", "POST", "/api/v1/persons/" + person + "/plan/steps", step, null);
        String path = "/api/v1/steps/" + json.readTree(created.body()).get("id").asString();

        var without = send("coach", "PUT", path, step.put("title", "Praktik på lager"), null);
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);
        assertThat(json.readTree(send("coach", "GET", path, null, null).body()).get("title").asString())
                .isEqualTo("Praktik");

        assertThat(send("coach", "PUT", path, step.put("version", 0), null).statusCode()).isEqualTo(200);
        var stale = send("coach", "PUT", path, step.put("title", "Praktik i butik"), null);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode current = json.readTree(stale.body()).get("current");
        assertThat(current.get("title").asString()).isEqualTo("Praktik på lager");
        assertThat(current.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anInterventionUpdateWithoutAVersionIs428AndAStaleOneIs409WithTheInterventionAsSavedNow() throws Exception {
        long provider = jdbc.sql("SELECT id FROM provider ORDER BY id LIMIT 1").query(Long.class).single();
        ObjectNode input = json.createObjectNode().put("providerId", String.valueOf(provider))
                .put("name", "Versionsinsats " + System.nanoTime())
                .put("description", "Stöd på vägen mot arbete.").put("kind", "INSATS")
                .put("targetGroup", "Unga").put("ageMin", "16").put("ageMax", "29").put("reviewed", true);
        input.putArray("municipalityCodes").add("1214");
        var created = send("forbund", "POST", "/api/v1/interventions", input, null);
        assertThat(created.statusCode()).isEqualTo(201);
        String path = "/api/v1/interventions/" + json.readTree(created.body()).get("id").asLong();

        var without = send("forbund", "PUT", path, input.put("description", "Utan version"), null);
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);

        assertThat(send("forbund", "PUT", path, input.put("description", "Först").put("version", 0), null)
                .statusCode()).isEqualTo(200);
        var stale = send("forbund", "PUT", path, input.put("description", "Sist"), null);
        assertThat(stale.statusCode()).isEqualTo(409);
        JsonNode current = json.readTree(stale.body()).get("current");
        assertThat(current.get("description").asString()).isEqualTo("Först");
        assertThat(current.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aReferralStatusChangeWithoutAVersionIs428() throws Exception {
        String person = newPerson("coach").get("id").asString();
        long org = jdbc.sql("SELECT organisation_id FROM user_account WHERE username = 'coach'").query(Long.class)
                .single();
        var sent = send("coach", "POST", "/api/v1/persons/" + person + "/referrals", json.createObjectNode()
                .put("toOrganisationId", String.valueOf(org)).put("intervention", "Samtal")
                .put("request", "Samtal om studier").put("reason", "Behöver stöd"), null);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String path = "/api/v1/referrals/" + json.readTree(sent.body()).get("id").asString() + "/status";

        var without = send("coach", "POST", path, json.createObjectNode().put("status", "ATERKALLAD")
                .put("reason", "Fel"), null);

        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);
    }

    @Test
    void minutesWithoutAVersionAre428AndSaveNothing() throws Exception {
        String person = newPerson("coach").get("id").asString();
        var meeting = send("coach", "POST", "/api/v1/persons/" + person + "/meetings", json.createObjectNode()
                .put("kind", "AVSTAMNINGSMOTE").put("heldOn", "2026-11-02").put("youngPersonPresent", true), null);
        assertThat(meeting.statusCode()).as(meeting.body()).isEqualTo(200);
        String path = "/api/v1/meetings/" + json.readTree(meeting.body()).get("id").asString();

        var without = send("coach", "POST", path + "/minutes", json.createObjectNode().put("minutes", "Utan"), null);

        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);
        assertThat(json.readTree(send("coach", "GET", path, null, null).body()).get("minutes").isNull()).isTrue();
    }

    @Test
    void aDischargeWithoutAVersionIs428AndSavesNothing() throws Exception {
        String person = newPerson("coach").get("id").asString();
        long programme = jdbc.sql("SELECT p.id FROM programme p JOIN user_account u ON u.organisation_id ="
                + " p.organisation_id WHERE u.username = 'coach' AND p.active ORDER BY p.id LIMIT 1")
                .query(Long.class).single();
        var enrolled = send("coach", "POST", "/api/v1/persons/" + person + "/enrolments", json.createObjectNode()
                .put("programmeId", String.valueOf(programme)).put("startedOn", "2026-10-01")
                .put("reason", "NEET"), null);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String id = json.readTree(enrolled.body()).get("id").asString();

        var without = send("coach", "POST", "/api/v1/enrolments/" + id + "/discharge", json.createObjectNode()
                .put("endedOn", "2026-11-01").put("endReason", "ARBETE"), null);

        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(without.body()).contains("\"field\":\"version\"", VERSION_REQUIRED);
        assertThat(jdbc.sql("SELECT ended_on IS NULL FROM enrolment WHERE id = ?::uuid").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    private JsonNode newPerson() throws Exception {
        return newPerson("kaa");
    }

    private JsonNode newPerson(String user) throws Exception {
        var created = send(user, "POST", "/api/v1/persons", json.readTree("""
                {"personalIdentityNumber":"%s","firstName":"Vera","lastName":"Versionsson","gender":"KVINNA",
                 "municipalityCode":"1214"}""".formatted(TestNumbers.next())), null);
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private ObjectNode personInput(JsonNode person, String lastName) {
        return json.createObjectNode().put("personalIdentityNumber", person.get("personalIdentityNumber").asString())
                .put("firstName", "Vera").put("lastName", lastName).put("gender", "KVINNA")
                .put("municipalityCode", "1214").put("version", person.get("version").asInt());
    }

    private HttpResponse<String> send(String user, String method, String path, JsonNode body, String ifMatch)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
