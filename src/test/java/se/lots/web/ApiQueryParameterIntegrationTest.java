package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/** Every query parameter of the API's GETs that cannot be read is refused with a 400 naming it, never ignored. */
@IntegrationTest
class ApiQueryParameterIntegrationTest {

    private static final String SOME_PERSON = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/interventions?age=abc                         | age",
        "/api/v1/interventions?age=-3                          | age",
        "/api/v1/interventions?need=x                          | need",
        "/api/v1/interventions?kind=SOMETHING                  | kind",
        "/api/v1/interventions?provider=first                  | provider",
        "/api/v1/interventions?party=NOBODY                    | party",
        "/api/v1/interventions?area=12                         | area",
        "/api/v1/interventions?open=maybe                      | open",
        "/api/v1/interventions?kaa=perhaps                     | kaa",
        "/api/v1/interventions?page=two                        | page",
        "/api/v1/interventions/coverage?party=NOBODY           | party",
        "/api/v1/interventions/coverage?area=Svalov            | area",
        "/api/v1/persons?q=anna&page=two                       | page",
        "/api/v1/audit?personId=someone                        | personId",
        "/api/v1/audit?username=kaa&from=bad                   | from",
        "/api/v1/audit?username=kaa&from=2026-12-31&to=2026-01-01 | to",
        "/api/v1/audit?username=kaa&action=NOTHING             | action",
        "/api/v1/audit?username=kaa&limit=many                 | limit",
        "/api/v1/persons/" + SOME_PERSON + "/meetings/coverage?organisations=one | organisations" })
    void anUnreadableQueryParameterIsA400NamingIt(String path, String field) {
        var response = get(path.strip());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field.strip() + "\"").doesNotContain("Exception");
    }

    @Test
    void readableFiltersStillAnswer200() {
        assertThat(get("/api/v1/interventions?age=17&kind=utbildning&party=KOMMUN&area=1214&open=true")
                .statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/interventions/coverage?area=1214&party=KOMMUN").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(((path.startsWith("/api/v1/audit") ? "granskare" : "kaa")
                                    + ":lots-demo-2026").getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
