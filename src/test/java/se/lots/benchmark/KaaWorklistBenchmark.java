package se.lots.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.Worklist;
import se.lots.kaa.register.WorklistPlans;
import se.lots.organisation.OrganisationService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The KAA coordinator's worklist page at registry scale: {@code lots.bench.persons} generated persons, of whom
 * {@code lots.bench.kaa-episodes} are in the demo municipality's KAA register with statuses and contact attempts.
 * Times the whole page over HTTP as the demo user {@code kaa} (login session, every filter and sort, first and
 * later pages), and the service calls behind it. See docs/benchmarks.md.
 */
public final class KaaWorklistBenchmark {

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int kaaEpisodes = Integer.getInteger("lots.bench.kaa-episodes", 5_000);
    private final int requests = Integer.getInteger("lots.bench.requests", 1_000);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 200);
    private final long seed = Long.getLong("lots.bench.seed", 1214);
    private final ConfigurableApplicationContext app;
    private final StringBuilder report = new StringBuilder();

    private KaaWorklistBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new KaaWorklistBenchmark(app).run();
        }
    }

    private record Page(Worklist.Filter filter, Worklist.Sort sort, int page) {
    }

    private void run() throws Exception {
        DataSource appDataSource = app.getBean("dataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(app.getBean("ownerDataSource", DataSource.class));
        Actor actor = app.getBean(CurrentActor.class).byUsername("kaa");
        LocalDate today = LocalDate.now();

        line("# KAA worklist benchmark, %,d generated persons, up to %,d in one KAA register", persons, kaaEpisodes);
        line("");
        var generated = new PersonGenerator(appDataSource, seed, today).generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(today, seed));
        var register = new KaaRegisterGenerator(app.getBean("ownerDataSource", DataSource.class))
                .generate(actor.organisationId().value(), kaaEpisodes, today, 0.1214);
        PersonGenerator.vacuumAnalyze(app.getBean("ownerDataSource", DataSource.class));
        // as autovacuum would leave the register's tables after the generator's inserts and summary updates
        sql.sql("VACUUM (ANALYZE) kaa_episode").update();
        sql.sql("VACUUM (ANALYZE) kaa_status").update();
        sql.sql("VACUUM (ANALYZE) contact_attempt").update();
        sql.sql("CHECKPOINT").update();
        long open = sql.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NULL")
                .param(actor.organisationId().value()).query(Long.class).single();
        line("Machine: %d cores, JDK %s, fsync=%s. young_person: %,d rows (%,d generated in %.1f s). %s's KAA register: "
                + "%,d open episodes (%,d generated), %,d statuses and %,d contact attempts generated.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                sql.sql("SELECT current_setting('fsync')").query(String.class).single(),
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(), generated.persons().size(),
                generated.took().toMillis() / 1000.0, actor.organisationName(), open, register.episodes(),
                register.statuses(), register.attempts());
        line("");

        int lastPage = (int) Math.max(0, (open - 1) / 50);
        var random = new Random(seed);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < warmup + requests; i++) {
            var filter = Worklist.Filter.values()[random.nextInt(Worklist.Filter.values().length)];
            var sort = Worklist.Sort.values()[random.nextInt(Worklist.Sort.values().length)];
            // a coordinator mostly looks at the first pages, sometimes pages far in
            int page = random.nextDouble() < 0.7 ? 0 : random.nextInt(Math.max(1, Math.min(lastPage, 40)) + 1);
            pages.add(new Page(filter, sort, filter == Worklist.Filter.ALL ? page : Math.min(page, 2)));
        }

        KaaService kaa = app.getBean(KaaService.class);
        Map<Worklist.Filter, Latencies> byFilter = new EnumMap<>(Worklist.Filter.class);
        var service = new Latencies();
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            long t0 = System.nanoTime();
            kaa.overview(actor);
            var result = kaa.worklist(actor, p.filter(), p.sort(), p.page());
            kaa.staff(actor);
            long took = System.nanoTime() - t0;
            if (i >= warmup) {
                service.add(took, result.rows().size());
            }
        }

        var http = new PageClient(app);
        http.login("kaa", "lots-demo-2026");
        var all = new Latencies();
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            long t0 = System.nanoTime();
            String body = http.get("/kaa?filter=" + p.filter() + "&sort=" + p.sort() + "&page=" + p.page());
            long took = System.nanoTime() - t0;
            int rows = PageClient.count(body, "name=\"episode\"");
            if (i >= warmup) {
                byFilter.computeIfAbsent(p.filter(), f -> new Latencies()).add(took, rows);
                all.add(took, rows);
            }
        }

        line("## GET /kaa (the whole page over HTTP: overview figures, one worklist page, staff list, audit rows of "
                + "every person shown, rendering)");
        line("");
        line(Latencies.header().replace("searches", "pages").replace("hits/page", "rows/page"));
        for (var e : byFilter.entrySet()) {
            line(e.getValue().row(e.getKey().name()));
        }
        line(all.row("**all**"));
        line("");
        line("The service calls alone (overview + worklist page + staff, as the controller makes them): mean %.2f ms, "
                + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms.", service.meanMillis(), service.percentileMillis(50),
                service.percentileMillis(95), service.percentileMillis(99));
        line("");
        line("## EXPLAIN ANALYZE of the page statement (all, by name, first page; turning 20, by birthday)");
        line("");
        line("```");
        WorklistPlans.explain(sql, actor.organisationId(), Worklist.Filter.ALL, Worklist.Sort.NAME, 0,
                today).forEach(this::line);
        line("");
        WorklistPlans.explain(sql, actor.organisationId(), Worklist.Filter.TURNING_20,
                Worklist.Sort.TWENTIETH_BIRTHDAY, 0, today).forEach(this::line);
        line("```");
        line("");
        Path out = Path.of("target", "benchmarks", "kaa-worklist-" + persons + "-" + kaaEpisodes + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** A browser's session: form login with the CSRF token, then GETs with the session cookie. */
    static final class PageClient {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        PageClient(ConfigurableApplicationContext app) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            this.base = "http://localhost:" + port;
        }

        void login(String username, String password) throws IOException, InterruptedException {
            var matcher = CSRF.matcher(get("/login"));
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(matcher.group(1));
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
            }
        }

        String get(String path) throws IOException, InterruptedException {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode());
            }
            return response.body();
        }

        static int count(String body, String needle) {
            int n = 0;
            for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
                n++;
            }
            return n;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
