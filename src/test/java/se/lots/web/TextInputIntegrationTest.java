package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

/**
 * Text reaches Lots through JSON bodies and form or query parameters; control and invisible formatting characters
 * are refused at that edge with the field named, and what passes is stored in Unicode NFC with LF line breaks.
 */
@IntegrationTest
class TextInputIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

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

        var updated = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons/" + id + "/plan"))
                .header("Authorization", basic("kaa")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"goal":"Första raden\\r\\nAndra raden\\n\\tindragen","version":%s}""".formatted(version)))
                .build());

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
        var response = send(browser, HttpRequest.newBuilder(URI.create(base() + "/persons?q=Anna%00")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("otillåtet tecken", "U+0000");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aNulInAUsernameAtLoginIsAFailedLoginAndNeverReachesTheDatabase(CapturedOutput output) {
        var basic = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons?q=anna"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("kaa\u0000:lots-demo-2026".getBytes(StandardCharsets.UTF_8)))
                .build());
        assertThat(basic.statusCode()).isEqualTo(401);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(send(browser, HttpRequest.newBuilder(URI.create(base() + "/login")).build()).body());
        assertThat(csrf.find()).isTrue();
        var login = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=k%00aa&password=lots-demo-2026&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build());
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

        var response = postForm(browser, "/persons/new", "/persons/new", form);

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

        var response = postForm(browser, "/persons/new", "/persons/new", form);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(stored(lastName.replace("o\u0308", "\u00F6"))).isEqualTo(1);
    }

    private long stored(String lastName) {
        return jdbc.sql("SELECT count(*) FROM young_person WHERE last_name = ?").param(lastName).query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String user, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> get(String user, String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    private HttpResponse<String> postForm(HttpClient browser, String formPage, String path, Map<String, String> form) {
        var csrf = CSRF.matcher(send(browser, HttpRequest.newBuilder(URI.create(base() + formPage)).build()).body());
        assertThat(csrf.find()).isTrue();
        var body = new LinkedHashMap<>(form);
        body.put("_csrf", csrf.group(1));
        String encoded = body.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(browser, HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(send(browser, HttpRequest.newBuilder(URI.create(base() + "/login")).build()).body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=lots-demo-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = send(browser, HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
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

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8));
    }
}
