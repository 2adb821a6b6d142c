package se.lots.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import se.lots.IntegrationTest;
import se.lots.shared.InvalidInputException;

/** The password policy wherever a password is set: the API, the administrator's form and the service itself. */
@IntegrationTest
class UserPasswordIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganisationService organisations;

    @Autowired
    MessageSource messages;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "aaaaaaaaaa", "1234567890", "lots-demo-2026", "aaaaaaaaaaaaaaaaaaaa",
        "Password2026!!!!", "lots-demo-2026!!!" })
    void theApiRefusesAWeakPasswordWithASwedishMessageOnThePasswordField(String password) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("demoadmin:lots-demo-2026".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"username":"svag.%d","password":"%s","displayName":"Svag Svagsson","role":"ANALYST",
                         "organisationId":%d}""".formatted(Math.abs(password.hashCode()), password,
                                anOrganisation().value())))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"password\",\"message\":\"Lösenordet ");
    }

    @Test
    void theAdministratorsFormShowsWhyThePasswordIsRefused() {
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> organisations.createUser(new NewUser("svag.form", "1234567890", "Svag", Role.ANALYST,
                        anOrganisation(), null)));
        assertThat(e.texts(messages, Locale.forLanguageTag("sv")).get("password"))
                .isEqualTo("Lösenordet ska vara minst 15 tecken.");
        assertThat(e.texts(messages, Locale.ENGLISH).get("password")).contains("15 characters");
    }

    @Test
    void aGoodPassphraseIsAcceptedAndLogsIn() throws Exception {
        organisations.createUser(new NewUser("stark.fras", "tre ord i rad och en häst", "Stark Fras", Role.ANALYST,
                anOrganisation(), null));
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("stark.fras:tre ord i rad och en häst".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheDemoAreasUsersGetThePublishedDemoPassword() {
        assertThatThrownBy(() -> organisations.createUser(new NewUser("admin.ny", "lots-demo-2026", "Admin",
                Role.ADMIN, anOrganisation(), null))).isInstanceOf(InvalidInputException.class);
        assertThat(organisations.createDemoUser(new NewUser("demo.extra", "lots-demo-2026", "Demo Extra",
                Role.ANALYST, anOrganisation(), null)).username()).isEqualTo("demo.extra");
    }

    private OrganisationId anOrganisation() {
        return organisations.organisations().get(0).id();
    }
}
