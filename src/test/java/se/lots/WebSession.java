package se.lots;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser on the real HTTP port: it keeps its cookies, follows no redirect (a test sees the 302 and its Location)
 * and posts a form with the CSRF token read from the form's page, as the page would.
 */
public final class WebSession {

    private static final String DEMO_PASSWORD = "lots-demo-2026";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A browser that has not logged in (yet). */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    public static WebSession logIn(int port, String username) {
        return logIn(port, username, DEMO_PASSWORD);
    }

    public static WebSession logIn(int port, String username, String password) {
        WebSession session = anonymous(port);
        var login = session.postForm("/login", Map.of("username", username, "password", password));
        assertThat(login.statusCode()).as("login of %s", username).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of %s", username)
                .doesNotContain("error");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** Posts the form to the page it came from. */
    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        return postForm(path, path, form);
    }

    /** Posts the form to {@code action} with the CSRF token of {@code formPage}. */
    public HttpResponse<String> postForm(String formPage, String action, Map<String, String> form) {
        var page = get(formPage);
        var body = new LinkedHashMap<>(form);
        body.put("_csrf", csrf(page.body(), formPage + " " + page.statusCode()));
        String encoded = body.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return browser.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the page's (first) form. */
    public static String csrf(String pageHtml) {
        return csrf(pageHtml, "the page");
    }

    private static String csrf(String pageHtml, String page) {
        Matcher csrf = CSRF.matcher(pageHtml);
        assertThat(csrf.find()).as("a CSRF token on %s", page).isTrue();
        return csrf.group(1);
    }
}
