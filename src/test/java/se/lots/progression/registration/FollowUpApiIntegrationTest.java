package se.lots.progression.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follow-up over REST (/api/v1/follow-up) as a BI tool or a programme's own system would use it: programmes,
 * registrations at start and end, assessments, step movements, the funder's report and Uppföljning Finsam, with the
 * pages' access rules, versions and audit.
 */
@IntegrationTest
class FollowUpApiIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    LocalDate start() {
        return LocalDate.now(clock).minusMonths(6);
    }

    long programme(Actor lead, String name) {
        return enrolments.saveProgramme(lead, name + " " + UUID.randomUUID().toString().substring(0, 8));
    }

    Enrolment enrolled(Actor lead, long programme, String lastName) {
        UUID person = registry.register(lead, aYoungPerson().named("Api", lastName).build()).id();
        return enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme), start().toString(), null,
                null, "Behöver stöd mot arbete"));
    }

    String working(LocalDate on, String version) {
        return """
                {"measuredOn":"%s","occupation":"ARBETAR","workExtent":"50","incomeSources":["LON"],
                 "educationLevel":"GYMNASIAL","registeredAtAf":true,"version":%s}""".formatted(on, version);
    }

    @Test
    void theProgrammeLeadRegistersWithVersionsAndTheReadsAreAudited() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = programme(lead, "Api-uppföljning");
        Enrolment e = enrolled(lead, programme, "Registreradsson");
        String base = "/api/v1/follow-up/enrolments/" + e.id();

        JsonNode programmes = body(send("insatsledare", "GET", "/api/v1/follow-up/programmes", null));
        assertThat(programmes.findValuesAsString("name")).anySatisfy(n -> assertThat(n).startsWith("Api-uppföljning"));

        var created = send("insatsledare", "PUT", base + "/registrations/START", working(start(), "null"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        int version = body(created).get("version").asInt();
        assertThat(created.headers().firstValue("ETag")).hasValue("\"" + version + "\"");

        var noVersion = send("insatsledare", "PUT", base + "/registrations/START", working(start(), "null"));
        assertThat(noVersion.statusCode()).as("a change names the version it starts from").isEqualTo(428);
        assertThat(body(noVersion).get("errors").get(0).get("field").asString()).isEqualTo("version");
        var stale = send("insatsledare", "PUT", base + "/registrations/START", working(start(), "" + (version + 5)));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale).get("current").get("version").asInt()).isEqualTo(version);
        var changed = send("insatsledare", "PUT", base + "/registrations/START", working(start().plusDays(1), "null"),
                "\"" + version + "\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(body(changed).get("measuredOn").asString()).isEqualTo(start().plusDays(1).toString());

        var invalid = send("insatsledare", "PUT", base + "/registrations/START", """
                {"measuredOn":"%s","occupation":"PENSIONAR","incomeSources":[],"educationLevel":"GYMNASIAL",
                 "registeredAtAf":true,"version":%d}""".formatted(start(), version + 1));
        assertThat(invalid.statusCode()).isEqualTo(400);
        JsonNode errors = body(invalid).get("errors");
        assertThat(errors.findValuesAsString("field")).contains("occupation", "incomeSources");
        assertThat(errors.findValuesAsString("message")).allSatisfy(m -> assertThat(m).isNotBlank()
                .doesNotContain("progression."));
        var beforeDischarge = send("insatsledare", "PUT", base + "/registrations/SLUT", working(start(), "null"));
        assertThat(beforeDischarge.statusCode()).as("the page's rules").isEqualTo(400);
        assertThat(body(beforeDischarge).get("errors").findValuesAsString("field")).contains("kind");

        int readsBefore = reads(e.personId(), "coach");
        JsonNode record = body(send("coach", "GET", base, null));
        assertThat(record.get("personName").asString()).isEqualTo("Api Registreradsson");
        assertThat(record.get("start").get("occupation").asString()).isEqualTo("ARBETAR");
        assertThat(record.get("writes").asBoolean()).isTrue();
        assertThat(reads(e.personId(), "coach")).as("a read of a person's follow-up is audited as on the page")
                .isEqualTo(readsBefore + 1);

        JsonNode participants = body(send("insatsledare", "GET",
                "/api/v1/follow-up/programmes/" + programme + "/participants", null));
        assertThat(participants.get("participants").findValuesAsString("name")).containsExactly("Api Registreradsson");
    }

    @Test
    void anotherOrganisationIsRefusedAndSeesNothing() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = programme(lead, "Api-skydd");
        Enrolment e = enrolled(lead, programme, "Skyddadsson");
        String base = "/api/v1/follow-up/enrolments/" + e.id();
        assertThat(send("insatsledare", "PUT", base + "/registrations/START", working(start(), "null"))
                .statusCode()).isEqualTo(200);

        for (String user : List.of("af", "forbund", "analytiker")) {
            for (String read : List.of(base, base + "/assessments", base + "/step-movements",
                    "/api/v1/follow-up/programmes/" + programme + "/participants")) {
                var refused = send(user, "GET", read, null);
                assertThat(refused.statusCode()).as(user + " " + read).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("Skyddadsson").doesNotContain("ARBETAR");
                assertThat(body(refused).get("errors")).isNotEmpty();
            }
            assertThat(send(user, "GET", "/api/v1/follow-up/programmes", null).body()).as(user)
                    .doesNotContain("Api-skydd");
        }
        var write = send("af", "PUT", base + "/registrations/START", working(start(), "0"));
        assertThat(write.statusCode()).isEqualTo(403);
        var movement = send("af", "POST", base + "/step-movements",
                "{\"movedOn\":\"" + start() + "\",\"fromStep\":\"1\",\"toStep\":\"2\"}");
        assertThat(movement.statusCode()).isEqualTo(403);
        assertThat(send("af", "GET", "/api/v1/follow-up/programmes/" + programme + "/report", null).statusCode())
                .isEqualTo(403);
        assertThat(send("insatsledare", "GET", "/api/v1/follow-up/finsam", null).statusCode())
                .as("Uppföljning Finsam is the förbund's").isEqualTo(403);
        assertThat(reads(e.personId(), "af")).isZero();
    }

    @Test
    void assessmentsAndStepMovementsAreRecordedAndRead() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = programme(lead, "Api-skattning");
        Enrolment e = enrolled(lead, programme, "Skattadsson");
        String base = "/api/v1/follow-up/enrolments/" + e.id();

        JsonNode instrument = body(send("coach", "GET", "/api/v1/follow-up/instruments", null)).get(0);
        var scores = json.createObjectNode();
        for (JsonNode item : instrument.get("items")) {
            if (List.of("DEN_UNGE", "BADA").contains(item.get("rater").asString())) {
                scores.put(item.get("id").asString(), item.get("min").asString());
            }
        }
        var assessed = send("insatsledare", "POST", base + "/assessments", json.writeValueAsString(json.createObjectNode()
                .put("instrumentId", instrument.get("id").asString()).put("rater", "DEN_UNGE")
                .put("assessedOn", start().plusDays(2).toString()).set("scores", scores)));
        assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(201);
        JsonNode series = body(send("insatsledare", "GET", base + "/assessments", null));
        assertThat(series.get(0).get("instrument").get("id").asLong()).isEqualTo(instrument.get("id").asLong());
        assertThat(series.get(0).get("assessments")).hasSize(1);
        var noRater = send("insatsledare", "POST", base + "/assessments", """
                {"instrumentId":"%s","assessedOn":"%s","scores":{}}""".formatted(instrument.get("id").asString(),
                start()));
        assertThat(noRater.statusCode()).isEqualTo(400);
        assertThat(body(noRater).get("errors").findValuesAsString("field")).containsExactly("rater");

        List<String> steps = steps("coach");
        var moved = send("insatsledare", "POST", base + "/step-movements", """
                {"movedOn":"%s","fromStep":"%s","toStep":"%s","note":"Började praktik"}""".formatted(start()
                .plusDays(10), steps.get(0), steps.get(1)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertThat(body(moved).findValuesAsString("note")).containsExactly("Började praktik");
        var same = send("insatsledare", "POST", base + "/step-movements", """
                {"movedOn":"%s","fromStep":"%s","toStep":"%s"}""".formatted(start(), steps.get(0), steps.get(0)));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(body(same).get("errors").findValuesAsString("field")).containsExactly("toStep");
        assertThat(body(send("coach", "GET", base + "/step-movements", null)).findValuesAsString("toLabel"))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username = 'coach'"
                + " AND action = 'READ' AND detail = 'stegförflyttningar'").param(e.personId()).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anAnonymousParticipantIsFollowedUpWithoutAPerson() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = programme(lead, "Api-anonym");
        Enrolment e = enrolled(lead, programme, "Anonymsson");
        var anonymous = send("insatsledare", "POST", "/api/v1/follow-up/enrolments/" + e.id() + "/anonymous",
                "{\"anonymousReason\":\"INGET_SAMTYCKE\"}");
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(201);
        assertThat(anonymous.body()).doesNotContain(e.id().toString()).doesNotContain(e.personId().toString());
        String participation = body(anonymous).get("id").asString();
        String base = "/api/v1/follow-up/participations/" + participation;

        assertThat(send("insatsledare", "PUT", base + "/registrations/START", working(start(), "null"))
                .statusCode()).isEqualTo(200);
        JsonNode record = body(send("insatsledare", "GET", base, null));
        assertThat(record.get("enrolment").isNull()).isTrue();
        assertThat(record.get("personName").isNull()).isTrue();
        assertThat(record.get("start").get("occupation").asString()).isEqualTo("ARBETAR");
        assertThat(send("af", "GET", base, null).statusCode()).isEqualTo(403);
        List<String> steps = steps("insatsledare");
        var moved = send("insatsledare", "POST", base + "/step-movements", """
                {"movedOn":"%s","fromStep":"%s","toStep":"%s"}""".formatted(start().plusDays(3), steps.get(0),
                steps.get(1)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        assertThat(body(send("insatsledare", "GET", base + "/step-movements", null))).hasSize(1);
        assertThat(body(send("insatsledare", "GET", base + "/assessments", null))).isEmpty();
        assertThat(send("af", "GET", base + "/step-movements", null).statusCode()).isEqualTo(403);
        var again = send("insatsledare", "POST", "/api/v1/follow-up/enrolments/" + e.id() + "/anonymous",
                "{\"anonymousReason\":\"INGET_SAMTYCKE\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(body(again).get("errors").findValuesAsString("field")).containsExactly("anonymousReason");
    }

    @Test
    void theFundersReportAndUppfoljningFinsamSuppressSmallCounts() throws Exception {
        Actor lead = actors.byUsername("insatsledare");
        long programme = programme(lead, "Api-rapport");
        enrolled(lead, programme, "Räknadsson");
        enrolled(lead, programme, "Räknadsdotter");
        enrolments.setProgrammeFundedBy(lead, programme, String.valueOf(actors.byUsername("forbund")
                .organisationId()));
        // the half-year the participants started in: it has always ended six months later
        String period = "?period=" + start().getYear() + "-H" + (start().getMonthValue() <= 6 ? 1 : 2);

        for (String user : List.of("insatsledare", "forbund", "analytiker")) {
            var response = send(user, "GET", "/api/v1/follow-up/programmes/" + programme + "/report" + period, null);
            assertThat(response.statusCode()).as(user + " " + response.body()).isEqualTo(200);
            JsonNode report = body(response);
            assertThat(report.get("suppressed").asBoolean()).isTrue();
            assertThat(response.body()).as("no count behind a hidden cell leaves").doesNotContain("\"count\"")
                    .doesNotContain("Räknads");
            JsonNode registered = report.get("tables").get(0);
            assertThat(registered.get("key").asString()).isNotBlank();
            assertThat(registered.get("total").get("text").asString()).isEqualTo("<5");
            assertThat(registered.get("total").get("value").isNull()).isTrue();
            assertPublishedOnly(report.get("tables"));
        }
        var badPeriod = send("insatsledare", "GET", "/api/v1/follow-up/programmes/" + programme
                + "/report?from=2026-02-30", null);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(body(badPeriod).get("errors").findValuesAsString("field")).containsExactly("from");

        JsonNode finsam = body(send("forbund", "GET", "/api/v1/follow-up/finsam" + period, null));
        List<Long> followed = new ArrayList<>();
        finsam.get("programmes").forEach(p -> followed.add(p.get("id").asLong()));
        assertThat(followed).contains(programme);
        assertPublishedOnly(finsam.get("tables"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = 'analytiker' AND action = 'EXPORT'"
                + " AND detail LIKE ?").param("rapport program " + programme + " %").query(Long.class).single())
                .as("the report that leaves Lots is audited as an export, as the PDF is").isEqualTo(1);
    }

    @Test
    void theExampleInTheDocsAnswersTheDemoForbund() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/progression.md"));
        var curl = java.util.regex.Pattern.compile("curl -u (\\w+):lots-demo-2026 'http://localhost:8080([^']+)'")
                .matcher(doc.substring(doc.indexOf("## REST API")));
        assertThat(curl.find()).as("docs/progression.md has a curl in its REST API section").isTrue();
        var response = send(curl.group(1), "GET", curl.group(2), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("tables")).hasSize(3);
    }

    /** Every count is 0, at least 5, or hidden with no value; never 1–4. */
    private static void assertPublishedOnly(JsonNode tables) {
        assertThat(tables).isNotEmpty();
        List<JsonNode> counts = new ArrayList<>();
        for (JsonNode t : tables) {
            t.get("cells").forEach(row -> row.forEach(counts::add));
            if (!t.get("total").isNull()) {
                t.get("rowTotals").forEach(counts::add);
                t.get("columnTotals").forEach(counts::add);
                counts.add(t.get("total"));
            }
        }
        assertThat(counts).isNotEmpty().allSatisfy(c -> {
            if (c.get("value").isNull()) {
                assertThat(c.get("text").asString()).isIn("<5", "..");
            } else {
                assertThat(c.get("value").asLong()).satisfiesAnyOf(v -> assertThat(v).isZero(),
                        v -> assertThat(v).isGreaterThanOrEqualTo(5));
            }
        });
    }

    /** The ladder's steps that take new movements, by id. */
    private List<String> steps(String user) throws Exception {
        List<String> steps = new ArrayList<>();
        body(send(user, "GET", "/api/v1/follow-up/ladder", null)).forEach(step -> {
            if (!step.get("retired").asBoolean()) {
                steps.add(step.get("id").asString());
            }
        });
        return steps;
    }

    private int reads(UUID person, String user) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username = ? AND action = 'READ'"
                + " AND detail LIKE 'uppföljning inskrivning %'").param(person).param(user).query(Integer.class)
                .single();
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return send(user, method, path, body, null);
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String ifMatch)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        builder.header("Content-Type", "application/json").method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
