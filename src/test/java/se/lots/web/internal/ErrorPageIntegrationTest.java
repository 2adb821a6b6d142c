package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.WebSession;

/** A refused page and a missing one say different things, and what to do next (issue 22: both said "Något gick fel"). */
@IntegrationTest
class ErrorPageIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedPageSaysSoAndHowToGetAccess() {
        var analyst = WebSession.logIn(port, "analytiker");
        var refused = analyst.get("/persons/" + UUID.randomUUID() + "/plan");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<h1 class=\"govuk-heading-l\">Du har inte behörighet</h1>", "samtycke",
                "nödåtkomst")
                .doesNotContain("Något gick fel");
    }

    @Test
    void aMissingPageSaysItDoesNotExist() {
        var coach = WebSession.logIn(port, "coach");
        var missing = coach.get("/kaa/letters/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1 class=\"govuk-heading-l\">Sidan finns inte</h1>",
                "Kontrollera adressen")
                .doesNotContain("Felkod");
    }

    @Test
    void anErrorCodeCanBeReadOutOnThePhone() {
        for (int i = 0; i < 200; i++) {
            assertThat(PageErrorHandler.errorCode()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
        }
    }
}
