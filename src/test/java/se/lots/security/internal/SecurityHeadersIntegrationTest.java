package se.lots.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/** The headers that keep a page's scripts, referrers and browser features to what Lots needs, and the cookie. */
@IntegrationTest
class SecurityHeadersIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageForbidsInlineScriptAndForeignSourcesAndKeepsReferrersAndBrowserFeaturesToItself() {
        var page = send(HttpRequest.newBuilder(uri("/login")).GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertStrictHeaders(page.headers());
    }

    @Test
    void anApiResponseCarriesTheSameHeaders() {
        var api = send(HttpRequest.newBuilder(uri("/api/v1/organisations")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("kaa:lots-demo-2026".getBytes(StandardCharsets.UTF_8)))
                .GET().build());

        assertThat(api.statusCode()).isEqualTo(200);
        assertStrictHeaders(api.headers());
    }

    @Test
    void noPageOfLotsHasAnInlineScriptOrAnEventHandlerAttribute() throws IOException {
        var templates = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath:templates/**/*.html");
        assertThat(templates).isNotEmpty();
        for (var template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(template.getFilename())
                    .doesNotContainPattern("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\s(th:)?on[a-z]+=\"");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxyTellsTheRequestCameOverTls() {
        var overTls = send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").GET().build());
        var plain = send(HttpRequest.newBuilder(uri("/login")).GET().build());

        assertThat(sessionCookie(overTls)).contains("; Secure").contains("; HttpOnly").containsIgnoringCase(
                "SameSite=Lax");
        assertThat(sessionCookie(plain)).as("plain HTTP on localhost, as in development").doesNotContain("Secure");
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static void assertStrictHeaders(HttpHeaders headers) {
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        List<String> directives = Arrays.stream(csp.split(";")).map(String::trim).toList();
        assertThat(directives).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy").orElse(""))
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
