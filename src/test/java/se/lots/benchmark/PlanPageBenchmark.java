package se.lots.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import se.lots.organisation.OrganisationService;
import se.lots.plan.PlanService;
import se.lots.plan.worklist.CaseDay;
import se.lots.plan.worklist.CaseDayPlans;
import se.lots.plan.worklist.CaseWorklist;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.web.start.StartPanel;

/**
 * The plan page GET /persons/{id}/plan, the case worker's worklist GET /plan and the start page GET / under
 * {@code lots.bench.users}
 * concurrent case workers of the demo kommun, with {@code lots.bench.persons} generated persons and
 * {@code lots.bench.plans} plans, {@code lots.bench.steps} steps and {@code lots.bench.events} journey events shared
 * out among them. So that every panel of their start page works at full size, the kommun also gets a KAA register
 * of up to {@code lots.bench.kaa-episodes} open episodes ({@link KaaRegisterGenerator}), and the case workers
 * enrolments (some without a start registration) and booked times around this week ({@link CaseWorkerDayGenerator}).
 * Each user logs in; when all have, each goes round its start page, the plan page of a random
 * generated plan and its own worklist, pausing a random think time (exponential, mean {@code lots.bench.think-ms})
 * before each page.
 * See docs/benchmarks.md.
 */
public final class PlanPageBenchmark {

    private static final String PASSWORD = "lots-demo-2026";

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int plans = Integer.getInteger("lots.bench.plans", 200_000);
    private final int steps = Integer.getInteger("lots.bench.steps", 1_000_000);
    private final int events = Integer.getInteger("lots.bench.events", 5_000_000);
    private final int users = Integer.getInteger("lots.bench.users", 100);
    private final int requests = Integer.getInteger("lots.bench.requests", 50);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 10);
    private final int thinkMs = Integer.getInteger("lots.bench.think-ms", 5000);
    // a case load of about 40 young persons each, as in the seeds' programmes; the concurrent users are some of them
    private final int caseWorkers = Integer.getInteger("lots.bench.case-workers", Math.max(users, plans / 40));
    // about the register of one of the largest municipalities, as the KAA worklist benchmark
    private final int kaaEpisodes = Integer.getInteger("lots.bench.kaa-episodes", 5_000);
    private final long seed = Long.getLong("lots.bench.seed", 1214);
    // a case worker opens one of the plan page's forms (loaded when opened) on one view in FORM_EVERY
    private static final int FORM_EVERY = 4;
    private static final String[] FORMS = { "step", "referral", "meeting", "enrol", "contact", "review" };
    private final java.util.concurrent.atomic.AtomicLong forms = new java.util.concurrent.atomic.AtomicLong();

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new PlanPageBenchmark().run(app);
        }
    }

    private void run(ConfigurableApplicationContext app) throws Exception {
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        Actor coach = app.getBean(CurrentActor.class).byUsername("coach");
        LocalDate today = LocalDate.now();
        var report = new StringBuilder();
        new PersonGenerator(app.getBean("dataSource", DataSource.class), seed, today).generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(today, seed));
        var register = new KaaRegisterGenerator(owner).generate(coach.organisationId().value(), kaaEpisodes, today,
                0.1214);
        PersonGenerator.vacuumAnalyze(owner);
        List<String> usernames = caseWorkers(sql, "coach", "plan-bench-", caseWorkers);
        List<Long> ids = sql.sql("SELECT id FROM user_account WHERE username LIKE 'plan-bench-%' ORDER BY username")
                .query(Long.class).list();
        var generated = new PlanDataGenerator(owner).generate(coach.organisationId().value(), coach.userId(), ids,
                plans,
                steps, events);
        var day = new CaseWorkerDayGenerator(owner).generate(coach.organisationId().value(), coach.userId(), ids,
                generated.batch(), today, java.time.Instant.now());
        for (String table : new String[] { "kaa_episode", "kaa_status", "contact_attempt" }) {
            sql.sql("VACUUM (ANALYZE) " + table).update();
        }
        sql.sql("CHECKPOINT").update();
        List<UUID> planned = sql.sql("SELECT person_id FROM plan WHERE goal LIKE 'Mål %'").query(UUID.class).list();
        report.append(String.format("# Plan page benchmark%n%nMachine: %d cores, JDK %s. young_person %,d rows; "
                + "generated %,d plans, %,d steps, %,d journey events in %.1f s shared out among %,d case workers; %d of "
                + "them concurrently × %d "
                + "requests of each page (after %d warm-up), think time before each page exponential with mean "
                + "%d ms.%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(), generated.plans(),
                generated.steps(), generated.events(), generated.took().toMillis() / 1000.0, ids.size(), users, requests,
                warmup,
                thinkMs));
        report.append(String.format("Besides the plans, for the case workers' start page: %s's KAA register %,d open "
                + "episodes (%,d generated: %,d statuses, %,d contact attempts); %,d open enrolments with a case worker "
                + "as contact person, %,d of them without a start registration; %,d booked times from %d weeks before "
                + "this week to %d after, %,d of them this week (generated in %.1f s).%n%n", coach.organisationName(),
                sql.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NULL")
                        .param(coach.organisationId().value()).query(Long.class).single(),
                register.episodes(), register.statuses(), register.attempts(), day.enrolments(), day.withoutStart(),
                day.appointments(), CaseWorkerDayGenerator.WEEKS_BEFORE, CaseWorkerDayGenerator.WEEKS_AFTER,
                day.thisWeek(), day.took().toMillis() / 1000.0));

        if (Boolean.getBoolean("lots.bench.explain")) {
            // the start page's and Mina ärenden's statements for one case worker, as PostgreSQL runs them
            Actor worker = app.getBean(CurrentActor.class).byUsername(usernames.get(0));
            report.append("Query plans for ").append(usernames.get(0)).append(":\n\n");
            CaseDayPlans.explain(sql, worker, today).forEach((name, lines) -> report.append("### ").append(name)
                    .append("\n\n```\n").append(String.join("\n", lines)).append("\n```\n\n"));
        }

        // the service calls behind the two pages, one caller, no HTTP and no rendering: what the database part costs
        var planService = new Latencies();
        var worklistService = new Latencies();
        PlanService planPage = app.getBean(PlanService.class);
        RegistryService registry = app.getBean(RegistryService.class);
        CaseWorklist caseWorklist = app.getBean(CaseWorklist.class);
        CaseDay caseDay = app.getBean(CaseDay.class);
        var startService = new Latencies();
        CurrentActor actors = app.getBean(CurrentActor.class);
        // each panel of the start page as the start page calls it (the KAA panel's chart needs the page's locale)
        List<StartPanel> panels = app.getBeanProvider(StartPanel.class).orderedStream()
                .sorted(Comparator.comparingInt(StartPanel::order)).toList();
        var panelService = new LinkedHashMap<String, Latencies>();
        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        var serviceRandom = new Random(seed);
        int serviceCalls = Integer.getInteger("lots.bench.service-calls", 500);
        for (int i = 0; i < serviceCalls + serviceCalls / 5; i++) {
            Actor worker = actors.byUsername(usernames.get(serviceRandom.nextInt(usernames.size())));
            UUID person = planned.get(serviceRandom.nextInt(planned.size()));
            long a = System.nanoTime();
            var page = planPage.page(worker, person);
            registry.read(worker, person);
            long b = System.nanoTime();
            var list = caseWorklist.page(worker, 1);
            long c = System.nanoTime();
            var due = caseDay.today(worker);
            long d = System.nanoTime();
            if (i >= serviceCalls / 5) {
                planService.add(b - a, page.steps().size());
                worklistService.add(c - b, list.cases().size());
                startService.add(d - c, (int) due.overdueSteps().count());
            }
            for (StartPanel panel : panels) {
                long e = System.nanoTime();
                var content = panel.content(worker);
                long f = System.nanoTime();
                if (i >= serviceCalls / 5) {
                    panelService.computeIfAbsent(ClassUtils.getUserClass(panel).getSimpleName(), n -> new Latencies())
                            .add(f - e, content.isPresent() ? 1 : 0);
                }
            }
        }

        // what a case worker's start page holds: the report names its panels, so that its figure is not an empty page's
        String shown = usernames.get(Math.min(2, usernames.size() - 1));
        var look = new KaaWorklistBenchmark.PageClient(app);
        look.login(shown, PASSWORD);
        var startPage = StartPagePanels.of(look.get("/"));
        report.append(String.format("The start page of %s (one of the case workers with enrolments without a start "
                + "registration), once after login: %d panels%n%n", shown, startPage.panels().size()))
                .append(startPage.markdown()).append('\n');

        var planPages = new ArrayList<Latencies>();
        var worklists = new ArrayList<Latencies>();
        var formLoads = new ArrayList<Latencies>();
        var startPages = new ArrayList<Latencies>();
        var allLoggedIn = new CyclicBarrier(users);
        // every user logs in from the same address (127.0.0.1), and LoginThrottle admits no more password checks
        // from one address at once than failures are left before its lock (50): 100 logins started together had
        // a dozen refused ("try again in a second"). Real users do not all press "Logga in" in the same 100 ms, so
        // at most 8 log in at a time; the logins are not timed.
        var loggingIn = new Semaphore(8);
        var started = new long[1];
        var cpuAtStart = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Latencies[]>> sessions = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String username = usernames.get(u);
                long sessionSeed = seed + u;
                sessions.add(pool.submit(() -> {
                    var http = new KaaWorklistBenchmark.PageClient(app);
                    try {
                        loggingIn.acquire();
                        try {
                            http.login(username, PASSWORD);
                        } finally {
                            loggingIn.release();
                        }
                    } catch (Exception e) {
                        // the others must not wait for this one for ever: break the barrier (a wait that times out
                        // at once does), and the run ends with the cause
                        System.err.println("Login of " + username + " failed: " + e);
                        try {
                            allLoggedIn.await(0, TimeUnit.NANOSECONDS);
                        } catch (TimeoutException | BrokenBarrierException broken) {
                            // broken now, for everyone
                        }
                        throw new IllegalStateException("login of " + username, e);
                    }
                    if (allLoggedIn.await() == 0) {
                        started[0] = System.nanoTime();
                        cpuAtStart[0] = processCpuNanos();
                    }
                    return session(http, planned, new Random(sessionSeed));
                }));
            }
            for (var s : sessions) {
                Latencies[] l = s.get();
                planPages.add(l[0]);
                worklists.add(l[1]);
                formLoads.add(l[2]);
                startPages.add(l[3]);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started[0]) / 1e9;
        long pages = 3L * users * (requests + warmup) + forms.get();
        double cpuMsPerPage = (processCpuNanos() - cpuAtStart[0]) / 1e6 / pages;
        report.append(Latencies.header().replace("searches", "pages")).append('\n');
        report.append(Latencies.merge(planPages).row("GET /persons/{id}/plan")).append('\n');
        report.append(Latencies.merge(worklists).row("GET /plan")).append('\n');
        report.append(Latencies.merge(formLoads).row("GET /persons/{id}/plan/forms/{form} (options/form)"))
                .append('\n');
        report.append(planService.row("service: PlanService.page + RegistryService.read")).append('\n');
        report.append(worklistService.row("service: CaseWorklist.page")).append('\n');
        report.append(Latencies.merge(startPages).row("GET / (hits: panels shown)")).append('\n');
        report.append(startService.row("service: CaseDay.today")).append('\n');
        panelService.forEach((name, l) -> report.append(l.row("service: " + name + ".content (hits: shown)"))
                .append('\n'));
        report.append(String.format("%nThroughput: %.0f pages/s over %.1f s (warm-up included); the JVM (Lots and the "
                + "load client) used %.1f ms of CPU per page (forms opened count as pages).%n", pages / seconds, seconds,
                cpuMsPerPage));
        Path out = Path.of("target", "benchmarks", "plan-" + persons + "-" + steps + "-" + users + "-" + thinkMs
                + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /**
     * {@code workers} case workers named {@code prefix} and a number, of the organisation of the user {@code like}
     * and with their password (the hash copied, not recomputed), in teams of 25; their usernames in order.
     */
    static List<String> caseWorkers(JdbcClient sql, String like, String prefix, int workers) {
        // in teams of 25 (units), as a case worker names colleagues of their own team on a plan
        sql.sql("""
                INSERT INTO organisation_unit (organisation_id, name)
                SELECT c.organisation_id, 'Planteam ' || t FROM user_account c
                 CROSS JOIN generate_series(1, (:workers + 24) / 25) AS t
                 WHERE c.username = :like
                ON CONFLICT (organisation_id, name) DO NOTHING""").param("workers", workers).param("like", like)
                .update();
        sql.sql("""
                INSERT INTO user_account (username, display_name, password_hash, organisation_id, unit_id, role)
                SELECT :prefix || lpad(n::text, 5, '0'), 'Handläggare ' || n, c.password_hash,
                       c.organisation_id, u.id, 'CASE_WORKER'
                  FROM user_account c CROSS JOIN generate_series(1, :workers) AS n
                  JOIN organisation_unit u ON u.organisation_id = c.organisation_id
                                          AND u.name = 'Planteam ' || ((n - 1) / 25 + 1)
                 WHERE c.username = :like
                ON CONFLICT (username) DO NOTHING""").param("workers", workers).param("like", like)
                .param("prefix", prefix).update();
        return sql.sql("SELECT username FROM user_account WHERE username LIKE :prefix || '%' ORDER BY username")
                .param("prefix", prefix).query(String.class).list();
    }

    private Latencies[] session(KaaWorklistBenchmark.PageClient http, List<UUID> planned, Random random)
            throws Exception {
        var plan = new Latencies();
        var worklist = new Latencies();
        var form = new Latencies();
        var start = new Latencies();
        for (int i = 0; i < warmup + requests; i++) {
            UUID person = planned.get(random.nextInt(planned.size()));
            // the round starts where the day starts: the start page with the caseload's panel
            think(random);
            long s = System.nanoTime();
            String home = http.get("/");
            long t = System.nanoTime();
            if (i >= warmup) {
                start.add(t - s, KaaWorklistBenchmark.PageClient.count(home, StartPagePanels.MARK));
            }
            think(random);
            long a = System.nanoTime();
            String body = http.get("/persons/" + person + "/plan");
            long b = System.nanoTime();
            if (random.nextInt(FORM_EVERY) == 0) {
                // the page's forms are loaded when opened: one view in FORM_EVERY opens one, after reading the page
                think(random);
                String name = FORMS[random.nextInt(FORMS.length)];
                long e = System.nanoTime();
                String html = http.get("/persons/" + person + "/plan/forms/" + name);
                long f = System.nanoTime();
                if (i >= warmup) {
                    form.add(f - e, KaaWorklistBenchmark.PageClient.count(html, "<option"));
                }
                forms.incrementAndGet();
            }
            think(random);
            long c = System.nanoTime();
            String list = http.get("/plan");
            long d = System.nanoTime();
            if (i >= warmup) {
                plan.add(b - a, KaaWorklistBenchmark.PageClient.count(body, "class=\"step"));
                worklist.add(d - c, KaaWorklistBenchmark.PageClient.count(list, "govuk-table__row case"));
            }
        }
        return new Latencies[] { plan, worklist, form, start };
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void think(Random random) throws InterruptedException {
        if (thinkMs > 0) {
            Thread.sleep((long) (-thinkMs * Math.log(1 - random.nextDouble())));
        }
    }
}
