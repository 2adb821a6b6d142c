package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.figures.HalfYear;
import se.lots.security.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KAA register over REST as a school system or a coordinator's script would use it: the list in two steps, the
 * worklist, a young person's record, statuses, contacts, measures, exits and the half-year figures, with the pages'
 * access rules and audit.
 */
@IntegrationTest
class KaaApiIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theCoordinatorReadsTheListInAndWorksTheRegister() throws Exception {
        Actor coordinator = fixture.newMunicipality();
        String user = coordinator.username();
        String adaPin = fixture.kaaAgeNumber();
        String boPin = fixture.kaaAgeNumber();
        LocalDate today = LocalDate.now(clock);

        var uploaded = upload(user, "skolans-lista.csv", "personnummer;förnamn;efternamn;situation\n"
                + adaPin + ";Ada;Apisson;studiebevis\n" + boPin + ";Bo;Apisson;aldrig påbörjat\n");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode preview = json.readTree(uploaded.body());
        String importId = preview.get("importId").asString();
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/v1/kaa/imports/" + importId);
        assertThat(preview.get("errors")).isEmpty();
        assertThat(preview.get("added")).hasSize(2);
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?",
                coordinator.organisationId().value()))
                .as("nothing is in the register before the confirmation").isZero();
        assertThat(send(user, "GET", "/api/v1/kaa/imports/" + importId, null).statusCode()).isEqualTo(200);

        var confirmed = send(user, "POST", "/api/v1/kaa/imports/" + importId + "/confirm",
                "{\"digest\":\"" + preview.get("digest").asString() + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode history = body(send(user, "GET", "/api/v1/kaa/imports", null));
        assertThat(history.get(0).get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(history.get(0).get("added").asInt()).isEqualTo(2);

        JsonNode worklist = body(send(user, "GET", "/api/v1/kaa/episodes?filter=NOT_KNOWN&sort=NAME&page=0", null));
        assertThat(worklist.get("total").asLong()).isEqualTo(2);
        assertThat(worklist.get("pageSize").asInt()).isEqualTo(50);
        assertThat(worklist.get("rows").findValuesAsString("name")).containsExactly("Ada Apisson", "Bo Apisson");
        UUID ada = UUID.fromString(worklist.get("rows").get(0).get("personId").asString());
        UUID bo = UUID.fromString(worklist.get("rows").get(1).get("personId").asString());
        assertThat(body(send(user, "GET", "/api/v1/kaa/overview", null)).get("notKnownPercent").asInt())
                .isEqualTo(100);

        var status = send(user, "POST", "/api/v1/kaa/persons/" + ada + "/statuses", """
                {"status":"ARBETAR","occupation":"Extrajobb i butik","ascertainedOn":"%s","source":"UNGDOMEN"}"""
                .formatted(today));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(201);
        assertThat(body(status).get("reviewOn").asString()).as("the municipality's review days")
                .isNotBlank();
        var contact = send(user, "POST", "/api/v1/kaa/persons/" + bo + "/contacts", """
                {"channel":"TELEFON","contactedOn":"%s","outcome":"NADD","note":"Vill boka ett möte",
                 "newStatus":{"status":"KONTAKTAD","ascertainedOn":"%s","source":"UNGDOMEN"}}"""
                .formatted(today, today));
        assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
        assertThat(body(contact).get("staffName").asString()).startsWith("Kim Samordnare");
        var wrong = send(user, "POST", "/api/v1/kaa/persons/" + ada + "/statuses",
                "{\"status\":\"SEGLAR\",\"ascertainedOn\":\"i går\",\"source\":\"UNGDOMEN\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(body(wrong).get("errors").findValuesAsString("field")).contains("status", "ascertainedOn");

        var measure = send(user, "POST", "/api/v1/kaa/persons/" + ada + "/measures", """
                {"category":"PRAKTIK","content":"Praktik på lager","responsible":"KOMMUN","offeredOn":"%s"}"""
                .formatted(today));
        assertThat(measure.statusCode()).as(measure.body()).isEqualTo(201);
        String measureId = body(measure).get("id").asString();
        var started = send(user, "POST", "/api/v1/kaa/measures/" + measureId + "/start",
                "{\"startedOn\":\"" + today + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        var endedBeforeStart = send(user, "POST", "/api/v1/kaa/measures/" + measureId + "/end",
                "{\"endedOn\":\"" + today.minusDays(1) + "\",\"endReason\":\"FULLFOLJD\"}");
        assertThat(endedBeforeStart.statusCode()).as("the page's rules").isEqualTo(400);
        assertThat(body(endedBeforeStart).get("errors").findValuesAsString("field")).containsExactly("endedOn");
        var ended = send(user, "POST", "/api/v1/kaa/measures/" + measureId + "/end",
                "{\"endedOn\":\"" + today + "\",\"endReason\":\"FULLFOLJD\"}");
        assertThat(body(ended).get("endReason").asString()).isEqualTo("FULLFOLJD");
        var endedAgain = send(user, "POST", "/api/v1/kaa/measures/" + measureId + "/end",
                "{\"endedOn\":\"" + today + "\",\"endReason\":\"ANNAN\"}");
        assertThat(endedAgain.statusCode()).isEqualTo(409);
        assertThat(body(endedAgain).get("current").get("endReason").asString()).isEqualTo("FULLFOLJD");
        assertThat(body(send(user, "GET", "/api/v1/kaa/persons/" + ada + "/measures", null))).hasSize(1);

        var record = send(user, "GET", "/api/v1/kaa/persons/" + ada, null);
        assertThat(record.statusCode()).isEqualTo(200);
        JsonNode kaaRecord = body(record);
        assertThat(kaaRecord.get("person").get("firstName").asString()).isEqualTo("Ada");
        assertThat(kaaRecord.get("statuses").findValuesAsString("status")).containsExactly("ARBETAR", "OKAND");
        assertThat(kaaRecord.get("measures").get(0).get("startedOn").asString()).isEqualTo(today.toString());
        String episodeId = kaaRecord.get("episodes").get(0).get("id").asString();
        String etag = record.headers().firstValue("ETag").orElseThrow();

        var exited = send(user, "POST", "/api/v1/kaa/episodes/" + episodeId + "/exit",
                "{\"exitReason\":\"FLYTTAT\"}", "If-Match", etag);
        assertThat(exited.statusCode()).as(exited.body()).isEqualTo(200);
        assertThat(body(exited).get("exitedOn").asString()).isEqualTo(today.toString());
        assertThat(body(send(user, "GET", "/api/v1/kaa/episodes", null)).get("total").asLong()).isEqualTo(1);

        JsonNode figures = body(send(user, "GET", "/api/v1/kaa/figures/" + HalfYear.containing(today), null));
        assertThat(figures.get("total").get("count").asLong()).isEqualTo(2);
        JsonNode exits = figures.get("tables").findParents("id").stream()
                .filter(t -> t.get("id").asString().equals("EXIT")).findFirst().orElseThrow();
        assertThat(exits.get("rows").findParents("key").stream()
                .filter(r -> r.get("key").asString().equals("FLYTTAT")).findFirst().orElseThrow()
                .get("count").get("count").asLong()).isEqualTo(1);
        JsonNode reported = body(send(user, "GET", "/api/v1/kaa/figures/" + HalfYear.containing(today)
                + "?reporting=true", null));
        assertThat(reported.get("total").get("count").isNull()).as("a hidden count is not sent").isTrue();
        assertThat(reported.get("total").get("text").asString()).isEqualTo("<5");
        var scb = send(user, "GET", "/api/v1/kaa/figures/" + HalfYear.containing(today) + "/scb", null);
        assertThat(scb.statusCode()).isEqualTo(200);
        assertThat(scb.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(scb.body()).startsWith("kommunkod;period;personnummer").contains(adaPin, boPin);

        assertThat(audited(user, ada, "READ", "KAA-uppgifter")).isEqualTo(1);
        assertThat(audited(user, ada, "READ", "KAA-åtgärder")).isEqualTo(2);
        assertThat(audited(user, bo, "SEARCH", "KAA-arbetslista")).isEqualTo(2);
        assertThat(audited(user, ada, "UPDATE", "KAA-avslut: FLYTTAT")).isEqualTo(1);
        assertThat(audited(user, bo, "EXPORT", "KAA: fil per person till SCB " + HalfYear.containing(today)))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE username = ? AND person_id = ? AND action = 'READ'"
                + " AND detail IS NULL", user, ada)).as("the registry's read of the person, as on the page")
                .isEqualTo(2);
    }

    @Test
    void anExitNeedsTheEpisodesVersion428WithoutOne409WithAStaleOneAndOnlyTheCoordinatorExits() throws Exception {
        Actor coordinator = fixture.newMunicipality();
        String user = coordinator.username();
        UUID person = importOne(user, "Cyrus");
        var record = send(user, "GET", "/api/v1/kaa/persons/" + person, null);
        String episodeId = body(record).get("episodes").get(0).get("id").asString();
        int version = body(record).get("episodes").get(0).get("version").asInt();
        assertThat(record.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        String exit = "/api/v1/kaa/episodes/" + episodeId + "/exit";

        var without = send(user, "POST", exit, "{\"exitReason\":\"FLYTTAT\"}");
        assertThat(without.statusCode()).isEqualTo(428);
        assertThat(body(without).get("errors").get(0).get("field").asString()).isEqualTo("version");

        var stale = send(user, "POST", exit, "{\"exitReason\":\"FLYTTAT\",\"version\":" + (version + 1) + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(body(stale).get("errors").get(0).get("message").asString()).contains("Någon annan");
        assertThat(body(stale).get("current").get("version").asInt()).isEqualTo(version);
        assertThat(body(stale).get("current").get("exitedOn").isNull()).isTrue();

        var bad = send(user, "POST", exit, "{\"exitReason\":\"TRÖTT\",\"exitedOn\":\"2999-01-01\",\"version\":"
                + version + "}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(body(bad).get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("exitReason",
                "exitedOn");

        String caseWorker = fixture.caseWorkerOf(coordinator).username();
        assertThat(send(caseWorker, "POST", exit, "{\"exitReason\":\"FLYTTAT\",\"version\":" + version + "}")
                .statusCode()).isEqualTo(403);
        assertThat(send(caseWorker, "GET", "/api/v1/kaa/persons/" + person, null).statusCode())
                .as("a case worker of the municipality reads the register, as on the page").isEqualTo(200);

        var done = send(user, "POST", exit, "{\"exitReason\":\"FELREGISTRERAD\",\"version\":" + version + "}");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("ETag")).hasValue("\"" + (version + 1) + "\"");
        var again = send(user, "POST", exit, "{\"exitReason\":\"FLYTTAT\",\"version\":" + (version + 1) + "}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(body(again).get("current").get("exitReason").asString()).isEqualTo("FELREGISTRERAD");
    }

    @Test
    void aCaseWorkerOfAnotherMunicipalityIsRefusedAndNothingLeaks() throws Exception {
        Actor coordinator = fixture.newMunicipality();
        String user = coordinator.username();
        UUID person = importOne(user, "Dagny");
        String episodeId = body(send(user, "GET", "/api/v1/kaa/persons/" + person, null)).get("episodes").get(0)
                .get("id").asString();
        String measureId = body(send(user, "POST", "/api/v1/kaa/persons/" + person + "/measures",
                "{\"category\":\"SYV\",\"responsible\":\"KOMMUN\",\"offeredOn\":\"" + LocalDate.now(clock) + "\"}"))
                .get("id").asString();
        String pending = body(upload(user, "lista.csv", "personnummer;förnamn;efternamn;situation\n"
                + fixture.kaaAgeNumber() + ";Eja;Apisson;studiebevis\n")).get("importId").asString();
        String pin = jdbc.sql("SELECT personal_identity_number FROM young_person WHERE id = ?").param(person)
                .query(String.class).single();

        Actor other = fixture.newMunicipality();
        String stranger = fixture.caseWorkerOf(other).username();
        String otherCoordinator = other.username();
        String today = LocalDate.now(clock).toString();
        List<HttpResponse<String>> refused = List.of(
                send(stranger, "GET", "/api/v1/kaa/persons/" + person, null),
                send(stranger, "GET", "/api/v1/kaa/persons/" + person + "/measures", null),
                send(stranger, "POST", "/api/v1/kaa/persons/" + person + "/statuses",
                        "{\"status\":\"ARBETAR\",\"ascertainedOn\":\"" + today + "\",\"source\":\"UNGDOMEN\"}"),
                send(stranger, "POST", "/api/v1/kaa/persons/" + person + "/contacts",
                        "{\"channel\":\"SMS\",\"contactedOn\":\"" + today + "\",\"outcome\":\"EJ_NADD\"}"),
                send(stranger, "POST", "/api/v1/kaa/persons/" + person + "/measures",
                        "{\"category\":\"SYV\",\"responsible\":\"KOMMUN\",\"offeredOn\":\"" + today + "\"}"),
                send(stranger, "POST", "/api/v1/kaa/episodes/" + episodeId + "/exit",
                        "{\"exitReason\":\"FLYTTAT\",\"version\":0}"),
                send(stranger, "GET", "/api/v1/kaa/imports", null),
                send(otherCoordinator, "GET", "/api/v1/kaa/imports/" + pending, null),
                send(otherCoordinator, "POST", "/api/v1/kaa/imports/" + pending + "/discard", ""),
                send(stranger, "GET", "/api/v1/kaa/figures/" + HalfYear.containing(LocalDate.now(clock)) + "/scb",
                        null),
                send("af", "GET", "/api/v1/kaa/episodes", null));
        assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(403));
        List<HttpResponse<String>> notFound = List.of(
                send(otherCoordinator, "POST", "/api/v1/kaa/episodes/" + episodeId + "/exit",
                        "{\"exitReason\":\"FLYTTAT\",\"version\":0}"),
                send(stranger, "POST", "/api/v1/kaa/measures/" + measureId + "/end",
                        "{\"endedOn\":\"" + today + "\",\"endReason\":\"ANNAN\"}"),
                send(stranger, "POST", "/api/v1/kaa/measures/" + measureId + "/start",
                        "{\"startedOn\":\"" + today + "\"}"));
        assertThat(notFound).allSatisfy(r -> assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(404));
        var ownList = send(stranger, "GET", "/api/v1/kaa/episodes", null);
        assertThat(body(ownList).get("total").asLong()).isZero();

        for (var r : concat(refused, notFound, List.of(ownList))) {
            assertThat(r.body()).doesNotContain("Dagny", pin);
        }
        assertThat(count("SELECT count(*) FROM audit_entry WHERE person_id = ? AND username IN (?, ?, 'af')", person,
                stranger, otherCoordinator)).isZero();
        assertThat(count("SELECT count(*) FROM kaa_status WHERE person_id = ?", person)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM contact_attempt WHERE person_id = ?", person)).isZero();
        assertThat(count("SELECT count(*) FROM kaa_measure WHERE person_id = ?", person)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE id = ?::uuid AND exited_on IS NULL", episodeId))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kaa_import WHERE id = ?::uuid AND state = 'PREVIEWED'", pending))
                .isEqualTo(1);
    }

    @Test
    void aBrokenRowOfTheListIsNamedByRowAndColumnAndNothingIsSaved() throws Exception {
        Actor coordinator = fixture.newMunicipality();
        String user = coordinator.username();
        String goodPin = fixture.kaaAgeNumber();
        String badPin = goodPin.substring(0, 11) + ((goodPin.charAt(11) - '0' + 1) % 10);

        var uploaded = upload(user, "trasig.csv", "personnummer;förnamn;efternamn;situation\n"
                + goodPin + ";Fia;Apisson;studiebevis\n" + badPin + ";Gun;Apisson;studiebevis\n");
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode preview = body(uploaded);
        assertThat(preview.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(3);
            assertThat(e.get("column").asString()).isEqualTo("personnummer");
            assertThat(e.get("message").asString()).isNotBlank();
        });
        String importId = preview.get("importId").asString();

        var confirmed = send(user, "POST", "/api/v1/kaa/imports/" + importId + "/confirm",
                "{\"digest\":\"" + preview.get("digest").asString() + "\"}");
        assertThat(confirmed.statusCode()).isEqualTo(400);
        JsonNode errors = body(confirmed).get("errors");
        assertThat(errors.findValuesAsString("field")).contains("file", "personnummer");
        assertThat(errors.findValuesAsString("message")).anySatisfy(m -> assertThat(m)
                .startsWith("Rad 3, personnummer: "));

        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number IN (?, ?)", goodPin,
                badPin)).isZero();
        assertThat(count("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?",
                coordinator.organisationId().value()))
                .isZero();
        assertThat(send(user, "POST", "/api/v1/kaa/imports/" + importId + "/discard", "").statusCode())
                .isEqualTo(204);
        assertThat(send(user, "POST", "/api/v1/kaa/imports/" + importId + "/discard", "").statusCode())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM kaa_import WHERE id = ?::uuid AND state = 'DISCARDED'", importId))
                .isEqualTo(1);

        var noFile = upload(user, "tom.csv", "");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(body(noFile).get("errors").get(0).get("field").asString()).isEqualTo("file");

        var good = body(upload(user, "lista.csv", "personnummer;förnamn;efternamn;situation\n" + goodPin
                + ";Fia;Apisson;studiebevis\n"));
        var staleDigest = send(user, "POST", "/api/v1/kaa/imports/" + good.get("importId").asString() + "/confirm",
                "{\"digest\":\"0000\"}");
        assertThat(staleDigest.statusCode()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM young_person WHERE personal_identity_number = ?", goodPin)).isZero();
    }

    @Test
    void theExampleInTheDocsAnswersTheDemoCoordinator() throws Exception {
        // docs/kaa.md, "REST API": curl -u kaa:lots-demo-2026 '…/api/v1/kaa/episodes?filter=NOT_KNOWN&sort=REVIEW'
        var response = send("kaa", "GET", "/api/v1/kaa/episodes?filter=NOT_KNOWN&sort=REVIEW", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("rows")).isNotEmpty();
    }

    // -----------------------------------------------------------------------------------------------------------

    private UUID importOne(String user, String firstName) throws Exception {
        String pin = fixture.kaaAgeNumber();
        JsonNode preview = body(upload(user, "lista.csv", "personnummer;förnamn;efternamn;situation\n" + pin + ";"
                + firstName + ";Apisson;studiebevis\n"));
        var confirmed = send(user, "POST", "/api/v1/kaa/imports/" + preview.get("importId").asString() + "/confirm",
                "{\"digest\":\"" + preview.get("digest").asString() + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        return jdbc.sql("SELECT id FROM young_person WHERE personal_identity_number = ?").param(pin)
                .query(UUID.class).single();
    }

    private long audited(String user, UUID person, String action, String detail) {
        return count("SELECT count(*) FROM audit_entry WHERE username = ? AND person_id = ? AND action = ?"
                + " AND detail = ?", user, person, action, detail);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> upload(String user, String fileName, String csv) throws Exception {
        String boundary = "lots-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/kaa/imports"))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, csv.getBytes(StandardCharsets.UTF_8),
                        tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String... headers)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (body == null && !method.equals("GET")) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body == null) {
            builder.GET();
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        String password = user.startsWith("kaa-test-") || user.startsWith("ute-test-") ? PASSWORD : "lots-demo-2026";
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
