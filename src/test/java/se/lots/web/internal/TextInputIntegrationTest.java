package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.TestNumbers;
import se.lots.WebSession;

/**
 * Text reaches Lots through JSON bodies and form or query parameters; control and invisible formatting characters
 * are refused at that edge with the field named, and what passes is stored in Unicode NFC with LF line breaks.
 */
@IntegrationTest
class TextInputIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = { "\\u0000", "\\u202E", "\\u200B", "\\u2060", "\\uFEFF", "\\u0007" })
    void aControlOrInvisibleCharacterInANameIsRefusedByTheApiWithTheFieldNamed(String escaped) {
        String lastName = "Spoof" + System.nanoTime();
        var response = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"An%sna","lastName":"%s","gender":"KVINNA",
                 "municipalityCode":"1214"}""".formatted(TestNumbers.next(), escaped, lastName));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"firstName\"", "otillåtet tecken")
                .doesNotContain("Exception");
        assertThat(stored(lastName)).isZero();
    }

    @Test
    void aRefusedCharacterInANestedFieldNamesItsPath() {
        var response = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Ada","lastName":"Nest","gender":"KVINNA",
                 "municipalityCode":"1214","address":{"street":"Storgatan\\u202E 1","postalCode":"26831",
                 "city":"Svalöv"}}""".formatted(TestNumbers.next()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"address.street\"", "U+202E");
    }

    @Test
    void aDecomposedLetterIsStoredComposed() {
        String lastName = "Ha\u030Akansson" + System.nanoTime();
        var response = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"A\u030Asa","lastName":"%s","gender":"KVINNA",
                 "municipalityCode":"1214"}""".formatted(TestNumbers.next(), lastName));

        assertThat(response.statusCode()).isEqualTo(201);
        String composed = lastName.replace("a\u030A", "\u00E5");
        assertThat(jdbc.sql("SELECT first_name FROM young_person WHERE last_name = ?").param(composed)
                .query(String.class).single()).isEqualTo("\u00C5sa");
    }

    @Test
    void aPlanGoalKeepsItsLineBreaksAndTabsWithCarriageReturnsMadeLineFeeds() {
        var person = post("kaa", "/api/v1/persons", """
                {"personalIdentityNumber":"%s","firstName":"Rad","lastName":"Brytning","gender":"MAN",
                 "municipalityCode":"1214"}""".formatted(TestNumbers.next()));
        String id = person.headers().firstValue("Location").orElseThrow().replace("/api/v1/persons/", "");
        var plan = post("kaa", "/api/v1/persons/" + id + "/plan", "");
        assertThat(plan.statusCode()).isEqualTo(201);
        String version = plan.body().replaceAll(".*\"version\":(\\d+).*", "$1");

        var api = WebSession.anonymous(port);
        var updated = api.send(api.request("/api/v1/persons/" + id + "/plan")
                .header("Authorization", basic("kaa")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"goal":"Första raden\\r\\nAndra raden\\n\\tindragen","version":%s}""".formatted(version))));

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).contains("\"goal\":\"Första raden\\nAndra raden\\n\\tindragen\"");
    }

    @Test
    void aNulInASearchIsRefusedBeforeItReachesTheDatabase() {
        var response = get("kaa", "/api/v1/persons?q=%00");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"q\"", "U+0000");
    }

    @Test
    void aNulInASearchOnThePageGivesAClearMessage() {
        var browser = logIn("kaa");
        var response = browser.get("/persons?q=Anna%00");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("otillåtet tecken", "U+0000");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aNulInAUsernameAtLoginIsAFailedLoginAndNeverReachesTheDatabase(CapturedOutput output) {
        var api = WebSession.anonymous(port);
        var basic = api.send(api.request("/api/v1/persons?q=anna")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("kaa\u0000:lots-demo-2026".getBytes(StandardCharsets.UTF_8))));
        assertThat(basic.statusCode()).isEqualTo(401);

        var login = WebSession.anonymous(port).postForm("/login",
                Map.of("username", "k\u0000aa", "password", "lots-demo-2026"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).contains("error");
        assertThat(output.getAll()).doesNotContain("invalid byte sequence");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u0000", "\u202E", "\u200B" })
    void aControlOrInvisibleCharacterInANameOnTheRegistrationPageIsRefusedAndNothingIsStored(String character) {
        var browser = logIn("kaa");
        String lastName = "Formspoof" + System.nanoTime();
        var form = new LinkedHashMap<String, String>();
        form.put("personalIdentityNumber", TestNumbers.next());
        form.put("firstName", "An" + character + "na");
        form.put("lastName", lastName);
        form.put("gender", "KVINNA");
        form.put("municipalityCode", "1214");

        var response = browser.postForm("/persons/new", "/persons/new", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("otillåtet tecken", "firstName");
        assertThat(stored(lastName)).isZero();
    }

    @Test
    void aDecomposedLetterOnTheRegistrationPageIsStoredComposed() {
        var browser = logIn("kaa");
        String lastName = "Stro\u0308m" + System.nanoTime();
        var form = new LinkedHashMap<String, String>();
        form.put("personalIdentityNumber", TestNumbers.next());
        form.put("firstName", "Bo");
        form.put("lastName", lastName);
        form.put("gender", "MAN");
        form.put("municipalityCode", "1214");

        var response = browser.postForm("/persons/new", "/persons/new", form);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(stored(lastName.replace("o\u0308", "\u00F6"))).isEqualTo(1);
    }

    private long stored(String lastName) {
        return jdbc.sql("SELECT count(*) FROM young_person WHERE last_name = ?").param(lastName).query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String user, String path, String json) {
        var api = WebSession.anonymous(port);
        return api.send(api.request(path).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String user, String path) {
        var api = WebSession.anonymous(port);
        return api.send(api.request(path).header("Authorization", basic(user)));
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8));
    }
}
