package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;

/** The API as an integration sees it: status codes, Location, JSON field names and Swedish error messages. */
@IntegrationTest
class PersonApiIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registeringReturns201WithLocationAndTheAgreedFieldNames() throws Exception {
        String pin = TestNumbers.next();
        var response = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Api","lastName":"Apisson","gender":"MAN",
                 "municipalityCode":"1214","address":{"street":"Storgatan 2","postalCode":"26831","city":"Svalöv"},
                 "phone":"070-1234567","email":"api@example.se"}""".formatted(pin));

        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/persons/[0-9a-f-]{36}");
        assertThat(response.body()).contains("\"personalIdentityNumber\":\"" + pin + "\"", "\"firstName\":\"Api\"",
                "\"municipalityCode\":\"1214\"", "\"protectedIdentity\":false", "\"street\":\"Storgatan 2\"",
                "\"reserveIdentity\":null");

        var read = get("kaa", location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"lastName\":\"Apisson\"");
    }

    @Test
    void invalidInputGives400WithSwedishMessagesPerField() throws Exception {
        var response = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"","lastName":"X","gender":"MAN","municipalityCode":"1214"}"""
                .formatted(brokenChecksum(TestNumbers.next())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(
                "{\"field\":\"personalIdentityNumber\",\"message\":\"Personnumrets kontrollsiffra stämmer inte.\"}",
                "{\"field\":\"firstName\",\"message\":\"Fältet måste fyllas i.\"}");
    }

    @Test
    void malformedJsonGives400InSwedishWithoutAStackTrace() throws Exception {
        var response = post("kaa", "/api/v1/persons", "{\"firstName\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Begäran kunde inte tolkas").doesNotContain("Exception", "at se.lots");
    }

    @Test
    void aDuplicateGives409NamingTheExistingPerson() throws Exception {
        String pin = TestNumbers.next();
        String body = """
                {"personalIdentityNumber":"%s","firstName":"Dubb","lastName":"Lett","gender":"KVINNA","municipalityCode":"1214"}""";
        var first = post("kaa", "/api/v1/persons", body.formatted(pin));
        String id = first.headers().firstValue("Location").orElseThrow().replace("/api/v1/persons/", "");

        var second = post("coach", "/api/v1/persons", body.formatted(pin.substring(2)));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("\"existingId\":\"" + id + "\"", "finns redan registrerad");
    }

    @Test
    void protectedIdentityIsServedWithoutAddress() throws Exception {
        var created = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Skydd","lastName":"Api","gender":"KVINNA",
                 "municipalityCode":"1214","protectedIdentity":true}""".formatted(TestNumbers.next()));
        var read = get("kaa", created.headers().firstValue("Location").orElseThrow());

        assertThat(read.body()).contains("\"protectedIdentity\":true", "\"address\":null")
                .doesNotContain("street");
        var search = get("kaa", "/api/v1/persons?q=skydd%20api");
        assertThat(search.body()).contains("\"protectedIdentity\":true").doesNotContain("street", "postalCode");
    }

    @Test
    void wrongPasswordGets401AsJsonInSwedish() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons?q=test"))
                .header("Authorization", basic("kaa", "fel-lösenord")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Inloggning krävs.");
    }

    @Test
    void auditVerifyAnswersTheAgreedShape() throws Exception {
        var response = get("granskare", "/api/v1/audit/verify");
        assertThat(response.statusCode()).isEqualTo(200);
        // the agreed shape (issue 23 added the checkpoints' comparison after the first three fields)
        assertThat(response.body()).matches("\\{\"valid\":true,\"entries\":\\d+,\"firstBrokenId\":null,"
                + "\"forgottenEntries\":\\d+,\"checkpointsCompared\":\\d+,\"disagreeingCheckpointId\":null,"
                + "\"disagreeingCheckpointAt\":null,\"forgedCheckpoints\":0,\"startUnanchored\":false}");
        assertThat(get("kaa", "/api/v1/audit/verify").statusCode()).isEqualTo(403);
    }

    @Test
    void organisationsAndUsersAreCreatedByAnAdminOnly() throws Exception {
        var org = post("demoadmin", "/api/v1/organisations", """
                {"name":"Folkhögskolan API-test","partyType":"SKOLA","municipalityCode":"1214"}""");
        assertThat(org.statusCode()).isEqualTo(201);
        assertThat(org.body()).contains("\"partyType\":\"SKOLA\"", "\"municipalityCode\":\"1214\"",
                "\"countyCode\":null");
        String orgId = org.body().replaceAll(".*\"id\":(\\d+).*", "$1");

        var user = post("demoadmin", "/api/v1/users", """
                {"username":"lärare.api","password":"kort","displayName":"Lärare","role":"CASE_WORKER",
                 "organisationId":%s}""".formatted(orgId));
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.body()).contains("\"field\":\"username\"", "\"field\":\"password\"");

        var ok = post("demoadmin", "/api/v1/users", """
                {"username":"larare.api","password":"ett-langt-losenord","displayName":"Lärare","role":"CASE_WORKER",
                 "organisationId":%s}""".formatted(orgId));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).doesNotContain("password", "ett-langt-losenord");
        var asNewUser = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/organisations"))
                .header("Authorization", basic("larare.api", "ett-langt-losenord")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asNewUser.statusCode()).isEqualTo(200);

        assertThat(post("kaa", "/api/v1/organisations", "{\"name\":\"X\",\"partyType\":\"OTHER\"}").statusCode())
                .isEqualTo(403);
        assertThat(post("kaa", "/api/v1/users", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aValueTheTypeRefusesInABodyIsAWrongFieldWithItsSwedishText() throws Exception {
        var response = post("demoadmin", "/api/v1/users", """
                {"username":"noll.org","password":"ett-langt-losenord","displayName":"Noll","role":"ANALYST",
                 "organisationId":0}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"organisationId\"", "0 är inget organisations-id i Lots.");
    }

    @Test
    void aMunicipalityCodeThatIsNotFourDigitsIsRefusedAsSuch() throws Exception {
        var response = post("demoadmin", "/api/v1/organisations", """
                {"name":"Kortkodskommun","partyType":"KOMMUN","municipalityCode":"12"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"municipalityCode\"",
                "Kommunkoden ”12” ska ha fyra siffror, t.ex. 1214 (SCB:s kommunkod).");
    }

    @Test
    void aKommunWithoutAValidMunicipalityCodeIsRefused() throws Exception {
        var response = post("demoadmin", "/api/v1/organisations", """
                {"name":"Påhittade kommun","partyType":"KOMMUN","municipalityCode":"9999"}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Kommunkoden 9999 finns inte.");
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String user) {
        return basic(user, "lots-demo-2026");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String brokenChecksum(String pin) {
        return pin.substring(0, 11) + ((pin.charAt(11) - '0' + 1) % 10);
    }
}
