package se.lots.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.lots.IntegrationTest;

/**
 * Every demo role logs in and follows, breadth first, every link of Lots' own that it is shown and every page a GET
 * form leads to with its defaults: none may answer an error, show the error page, or make the browser's console
 * report an error (a Content-Security-Policy violation shows only there). Addresses that differ only in an id
 * count once (one person's page stands for all persons'), so each kind of page is opened, not every person's.
 * Nothing that changes state is followed: only links and GET forms, never the logout, a delete or the language
 * switch; a download is fetched for its status only.
 */
@IntegrationTest
class EveryPageBrowserTest {

    // more than the kinds of page any role is shown (the KAA coordinator, the most, about 40)
    private static final int MAX_PAGES_PER_ROLE = 80;
    private static final Pattern ID = Pattern.compile(
            "\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOWNLOAD = Pattern.compile("\\.(xlsx|pdf|csv|zip|txt)$|/export$|/scb$|/xlsx$");
    // "radera" (to delete) is not "radering": the erasure pages under /integritet/radering are GETs that show and
    // change nothing (the decision is a POST, never followed), so they are opened like any other page
    private static final Pattern CHANGES_STATE = Pattern.compile("logout|delete|ta-bort|radera", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ERROR_HEADINGS = Set.of("Något gick fel", "Ingen åtkomst", "Något gick fel i Lots",
            "Du har inte behörighet", "Sidan finns inte", "Begäran kunde inte tolkas", "Inget sparades");

    // one script per page: its status as the browser got it, its heading, and where its links and GET forms lead
    private static final String READ_PAGE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const links = [...document.querySelectorAll('a[href]')].map(a => a.href);
            const forms = [...document.forms]
              .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
              .filter(f => !f.hasAttribute('hx-post') && !f.querySelector('input[type=file]'))
              .map(f => { const u = new URL(f.getAttribute('action') || location.href, location.href);
                          u.search = new URLSearchParams(new FormData(f)).toString(); return u.href; });
            const h1 = document.querySelector('h1');
            return { status: nav ? nav.responseStatus : 0, heading: h1 ? h1.textContent.trim() : '',
                     links: links, forms: forms };
            """;
    private static final String FETCH_STATUS = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], { credentials: 'same-origin', redirect: 'manual' })
              .then(r => done(r.status)).catch(e => done(-1));
            """;

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void pointAtServer() {
        browser.on(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "kaa", "coach", "socialsekreterare", "insatsledare", "af", "fk", "vardcentral", "forbund",
        "analytiker", "granskare", "demoadmin" })
    void everyPageARoleIsShownOpensWithoutAnErrorOrAContentSecurityPolicyViolation(String username) {
        browser.loginAs(username);
        browser.consoleErrors();
        String origin = "http://localhost:" + port;

        Deque<String> queue = new ArrayDeque<>(List.of(origin + "/"));
        Set<String> kinds = new HashSet<>(Set.of(kind(URI.create(origin + "/"))));
        List<String> problems = new ArrayList<>();
        Set<String> opened = new TreeSet<>();
        Set<String> downloads = new TreeSet<>();
        while (!queue.isEmpty() && opened.size() < MAX_PAGES_PER_ROLE) {
            String url = queue.removeFirst();
            String path = url.substring(origin.length());
            if (DOWNLOAD.matcher(URI.create(url).getPath()).find()) {
                long status = ((Number) ((JavascriptExecutor) browser.driver()).executeAsyncScript(FETCH_STATUS, url))
                        .longValue();
                downloads.add(path);
                if (status != 200) {
                    problems.add(status + " " + path + " (download)");
                }
                continue;
            }
            browser.open(path);
            opened.add(path);
            @SuppressWarnings("unchecked")
            var page = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(READ_PAGE);
            long status = ((Number) page.get("status")).longValue();
            String heading = (String) page.get("heading");
            String landedOn = browser.path();
            boolean loggedOut = landedOn.startsWith("/login") && !path.startsWith("/login");
            if (status >= 400 || ERROR_HEADINGS.contains(heading) || loggedOut) {
                problems.add(status + " " + path + " (\"" + heading + "\", at " + landedOn + ")");
            }
            browser.consoleErrors().forEach(error -> problems.add("console on " + path + ": " + error));
            @SuppressWarnings("unchecked")
            List<String> next = new ArrayList<>((List<String>) page.get("links"));
            @SuppressWarnings("unchecked")
            List<String> forms = (List<String>) page.get("forms");
            next.addAll(forms);
            for (String link : next) {
                URI uri = URI.create(link.replace(" ", "%20"));
                if (followable(uri, origin) && kinds.add(kind(uri))) {
                    queue.addLast(origin + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            }
        }

        System.out.printf("%s: %d pages, %d downloads, %d kinds left in the queue%n%s%n", username, opened.size(),
                downloads.size(), queue.size(), String.join("\n", opened));
        assertThat(opened.size()).as("pages opened by %s", username).isGreaterThan(2);
        if (username.equals("demoadmin")) {
            assertThat(opened).contains("/admin/organisations", "/admin/users");
        }
        if (username.equals("kaa")) {
            // the erasure pages are reached from the person's page (Radering) and visited, not skipped as "radera"
            assertThat(opened).anyMatch(p -> p.startsWith("/integritet/radering/ny?"))
                    .contains("/integritet/radering");
        }
        assertThat(problems).as("pages that failed for %s", username).isEmpty();
    }

    @Test
    void theApiDocumentationOpensWithoutAConsoleError() {
        browser.loginAs("granskare");
        browser.consoleErrors();

        browser.open("/swagger-ui.html");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> !browser.findAll(".opblock-tag").isEmpty());

        assertThat(browser.findAll(".opblock-tag")).as("the API's operations are listed").isNotEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static boolean followable(URI uri, String origin) {
        if (uri.getScheme() == null || !(uri.getScheme() + "://" + uri.getRawAuthority()).equals(origin)) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        // the language switch would turn the rest of the crawl English; Swagger UI is opened once, below
        return !CHANGES_STATE.matcher(path).find() && !query.contains("lang=") && !path.startsWith("/swagger-ui")
                && !path.startsWith("/v3/api-docs") && !path.startsWith("/css/") && !path.startsWith("/js/")
                && !path.startsWith("/webjars/");
    }

    /**
     * The address with its ids replaced and only the names of its parameters, sorted: one page of each kind is opened
     * (one person's page for all persons', one half-year's figures for all half-years').
     */
    static String kind(URI uri) {
        String path = Arrays.stream(uri.getRawPath().split("/", -1))
                .map(segment -> ID.matcher(segment).matches() ? "{id}" : segment).collect(Collectors.joining("/"));
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return path;
        }
        return path + "?" + Arrays.stream(uri.getRawQuery().split("&"))
                .map(parameter -> parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter)
                .distinct().sorted().collect(Collectors.joining("&"));
    }
}
