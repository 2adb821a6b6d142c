package se.lots.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.security.CurrentActor;

/**
 * The person's edit page: the form carries the version it was loaded with; when someone saved in between, nothing is
 * overwritten and the page shows what is saved now next to what the user typed, on the version saved now.
 */
@IntegrationTest
class PersonEditConflictIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    YoungPersons persons;
    @Autowired
    CurrentActor actors;

    @Test
    void aSaveAfterSomeoneElsesShowsBothValuesAndSavingAgainKeepsTheUsersChange() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Sara", "Sparsson").build());
        HttpClient browser = logIn("kaa");
        String edit = "/persons/" + person.id() + "/edit";
        assertThat(get(browser, edit).body()).contains("name=\"version\" value=\"0\"");

        // a colleague saves first
        var theirs = PersonInput.of(persons.byId(person.id()).orElseThrow());
        registry.update(actors.byUsername("kaa"), person.id(), new PersonInput(false, null, null, null, "Sara",
                "Annansson", theirs.gender(), theirs.municipalityCode(), false, theirs.address(), null, null, null,
                false, theirs.guardian(), 0));

        var conflict = post(browser, edit, form(person, "Minsson", "0"));
        assertThat(conflict.statusCode()).isEqualTo(200);
        assertThat(conflict.body()).contains("id=\"person-conflict\"", "Annansson", "Minsson",
                "name=\"version\" value=\"1\"");
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Annansson");

        var saved = post(browser, edit, form(person, "Minsson", "1"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Minsson");
    }

    @Test
    void aSaveWithoutAVersionOverwritesNothing() {
        YoungPerson person = registry.register(actors.byUsername("kaa"),
                aYoungPerson().named("Vilma", "Versionslös").build());
        HttpClient browser = logIn("kaa");

        var response = post(browser, "/persons/" + person.id() + "/edit", form(person, "Utanversion", null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"person-conflict\"");
        assertThat(persons.byId(person.id()).orElseThrow().lastName()).isEqualTo("Versionslös");
    }

    private static Map<String, String> form(YoungPerson person, String lastName, String version) {
        var form = new LinkedHashMap<String, String>();
        form.put("firstName", person.firstName());
        form.put("lastName", lastName);
        form.put("gender", person.gender().name());
        form.put("municipalityCode", person.municipalityCode());
        if (version != null) {
            form.put("version", version);
        }
        return form;
    }

    private HttpResponse<String> post(HttpClient browser, String formPage, Map<String, String> form) {
        var csrf = CSRF.matcher(get(browser, formPage).body());
        assertThat(csrf.find()).isTrue();
        var body = new LinkedHashMap<>(form);
        body.put("_csrf", csrf.group(1));
        String encoded = body.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(browser, HttpRequest.newBuilder(URI.create(base() + formPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    private HttpResponse<String> get(HttpClient browser, String path) {
        return send(browser, HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private HttpClient logIn(String username) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=lots-demo-2026&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
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
}
