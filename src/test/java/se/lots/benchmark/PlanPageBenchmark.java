package se.lots.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.OrganisationService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The plan page GET /persons/{id}/plan and the case worker's worklist GET /plan under {@code lots.bench.users}
 * concurrent sessions of the demo user {@code coach}, with {@code lots.bench.persons} generated persons and
 * {@code lots.bench.plans} plans, {@code lots.bench.steps} steps and {@code lots.bench.events} journey events.
 * Each session logs in once, then alternates plan pages of random generated plans with its worklist. See
 * docs/benchmarks.md.
 */
public final class PlanPageBenchmark {

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int plans = Integer.getInteger("lots.bench.plans", 200_000);
    private final int steps = Integer.getInteger("lots.bench.steps", 1_000_000);
    private final int events = Integer.getInteger("lots.bench.events", 5_000_000);
    private final int users = Integer.getInteger("lots.bench.users", 100);
    private final int requests = Integer.getInteger("lots.bench.requests", 50);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 10);
    private final long seed = Long.getLong("lots.bench.seed", 1214);

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
        PersonGenerator.vacuumAnalyze(owner);
        var generated = new PlanDataGenerator(owner).generate(coach.organisationId(), coach.userId(), plans, steps,
                events);
        sql.sql("CHECKPOINT").update();
        List<UUID> planned = sql.sql("SELECT person_id FROM plan WHERE goal LIKE 'Mål %'").query(UUID.class).list();
        report.append(String.format("# Plan page benchmark%n%nMachine: %d cores, JDK %s. young_person %,d rows; "
                + "generated %,d plans, %,d steps, %,d journey events in %.1f s; %d concurrent sessions × %d requests "
                + "(after %d warm-up).%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(), generated.plans(),
                generated.steps(), generated.events(), generated.took().toMillis() / 1000.0, users, requests, warmup));

        var planPages = new ArrayList<Latencies>();
        var worklists = new ArrayList<Latencies>();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Latencies[]>> sessions = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                long sessionSeed = seed + u;
                sessions.add(pool.submit(() -> session(app, planned, new Random(sessionSeed))));
            }
            for (var s : sessions) {
                Latencies[] l = s.get();
                planPages.add(l[0]);
                worklists.add(l[1]);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        report.append(Latencies.header().replace("searches", "pages")).append('\n');
        report.append(Latencies.merge(planPages).row("GET /persons/{id}/plan")).append('\n');
        report.append(Latencies.merge(worklists).row("GET /plan")).append('\n');
        report.append(String.format("%nThroughput: %.0f pages/s over %.1f s.%n", 2.0 * users * requests / seconds,
                seconds));
        Path out = Path.of("target", "benchmarks", "plan-" + persons + "-" + steps + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private Latencies[] session(ConfigurableApplicationContext app, List<UUID> planned, Random random)
            throws Exception {
        var http = new KaaWorklistBenchmark.PageClient(app);
        http.login("coach", "lots-demo-2026");
        var plan = new Latencies();
        var worklist = new Latencies();
        for (int i = 0; i < warmup + requests; i++) {
            UUID person = planned.get(random.nextInt(planned.size()));
            long a = System.nanoTime();
            String body = http.get("/persons/" + person + "/plan");
            long b = System.nanoTime();
            http.get("/plan");
            long c = System.nanoTime();
            if (i >= warmup) {
                plan.add(b - a, KaaWorklistBenchmark.PageClient.count(body, "class=\"step"));
                worklist.add(c - b, 0);
            }
        }
        return new Latencies[] { plan, worklist };
    }
}
