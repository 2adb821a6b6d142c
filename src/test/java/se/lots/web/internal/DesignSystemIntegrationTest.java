package se.lots.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;
import se.lots.WebSession;

/**
 * GOV.UK Frontend's CSS and JavaScript are served from the WebJar without a login and without the version in the
 * address, with Lots' two scripts that start it; GOV.UK's reserved brand in the same jar (the GDS Transport font,
 * the crest, GOV.UK's icons) is never served (docs/adr/0009-design-system.md).
 */
@IntegrationTest
class DesignSystemIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css",
        "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js", "/js/govuk-init.js", "/js/govuk-supported.js" })
    void theDesignSystemsFilesAreServedWithoutALogin(String path) {
        var response = WebSession.anonymous(port).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .containsAnyOf("text/css", "javascript");
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void theStartScriptImportsTheFileThatIsServed() {
        String init = WebSession.anonymous(port).get("/js/govuk-init.js").body();

        assertThat(init).contains("from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/webjars/govuk-frontend/dist/govuk/assets/fonts/light-94a07e06a1-v2.woff2",
        "/webjars/govuk-frontend/5.14.0/dist/govuk/assets/fonts/bold-b542beb274-v2.woff2",
        "/webjars/govuk-frontend/dist/govuk/assets/images/govuk-crest.svg",
        "/webjars/govuk-frontend/dist/govuk/assets/rebrand/images/govuk-icon-180.png",
        "/webjars/govuk-frontend/dist/govuk/assets/manifest.json" })
    void gdsTransportTheCrestAndGovukIconsAreNeverServed(String path) {
        HttpResponse<String> anonymous = WebSession.anonymous(port).get(path);
        HttpResponse<String> loggedIn = WebSession.logIn(port, "kaa").get(path);

        assertThat(anonymous.statusCode()).as("without a login").isIn(403, 404);
        assertThat(loggedIn.statusCode()).as("logged in").isIn(403, 404);
    }

    @Test
    void everyPageLinksGovukFrontendBeforeLotsOwnRulesAndNoReservedBrand() {
        String page = WebSession.logIn(port, "kaa").get("/").body();

        assertThat(page).contains("class=\"govuk-template\"", "govuk-service-navigation")
                .doesNotContain("govuk-template--rebranded", "govuk-header", "govuk-footer", "govuk-logo");
        assertThat(page.indexOf("govuk-frontend.min.css")).isPositive()
                .isLessThan(page.indexOf("/css/lots.css"));
    }
}
