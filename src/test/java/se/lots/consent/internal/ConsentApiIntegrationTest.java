package se.lots.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/** Recording a consent through the API: its validity limited by the purpose, no duplicates, Swedish messages. */
@IntegrationTest
class ConsentApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aConsentValidUntil9999IsRefusedWith400NamingValidTo() throws Exception {
        UUID person = person();
        LocalDate today = LocalDate.now(clock);

        var response = record(person, "SAMORDNING", today, LocalDate.of(9999, 12, 31));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"validTo\",\"message\":\"Gäller till får ligga högst 12"
                + " månader efter Gäller från för det här syftet, alltså senast " + today.plusMonths(12) + ".\"}");
        assertThat(record(person, "REMISS", today, today.plusMonths(7)).statusCode()).isEqualTo(400);
        assertThat(record(person, "REMISS", today, today.plusMonths(6)).statusCode()).isEqualTo(201);
    }

    @Test
    void validFromAndValidToReversedAreRefusedWith400() throws Exception {
        UUID person = person();
        LocalDate today = LocalDate.now(clock);

        var response = record(person, "SIP", today.plusDays(10), today);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"validTo\",\"message\":\"Slutdatum kan inte ligga före"
                + " startdatum.\"}");
    }

    @Test
    void theSameConsentTwiceIsRefusedWith400TheSecondTime() throws Exception {
        UUID person = person();
        LocalDate today = LocalDate.now(clock);

        assertThat(record(person, "SIP", today, today.plusMonths(6)).statusCode()).isEqualTo(201);
        var twice = record(person, "SIP", today, today.plusMonths(6));

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"validFrom\"", "Det finns redan ett samtycke med samma mottagare");
        var list = get("/api/v1/persons/" + person + "/consents");
        assertThat(list.body().split("\"purpose\":\"SIP\"", -1)).hasSize(2);
    }

    private UUID person() {
        return registry.register(actors.byUsername("kaa"), aYoungPerson().build()).id();
    }

    private HttpResponse<String> record(UUID person, String purpose, LocalDate from, LocalDate to) throws Exception {
        String json = """
                {"toOrganisationId":%d,"purpose":"%s","scope":["GRUNDUPPGIFTER","PLAN"],"givenHow":"SKRIFTLIGT",
                 "validFrom":"%s","validTo":"%s"}""".formatted(actors.byUsername("af").organisationId().value(),
                purpose, from, to);
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/persons/" + person + "/consents"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("kaa:lots-demo-2026".getBytes(StandardCharsets.UTF_8));
    }
}
