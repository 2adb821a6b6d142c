package se.lots.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.progression.report.FunderReportExplain;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The funder's report for one programme holding all {@code lots.bench.persons} generated participants (the whole
 * data set), timed against one hand-written SQL aggregate of its main table in the same run, and the goals page's
 * service call (five goals) p95. One caller, no HTTP. See docs/benchmarks.md.
 */
public final class ProgressionReportBenchmark {

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int rounds = Integer.getInteger("lots.bench.requests", 20);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 3);
    private final long seed = Long.getLong("lots.bench.seed", 1214);

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void time(Latencies into, boolean timed, java.util.function.IntSupplier call) {
        long t = System.nanoTime();
        int found = call.getAsInt();
        if (timed) {
            into.add(System.nanoTime() - t, found);
        }
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new ProgressionReportBenchmark().run(app);
        }
    }

    private void run(ConfigurableApplicationContext app) throws Exception {
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        LocalDate today = LocalDate.now();
        new PersonGenerator(app.getBean("dataSource", DataSource.class), seed, today).generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(today, seed));
        PersonGenerator.vacuumAnalyze(owner);
        Actor lead = app.getBean(CurrentActor.class).byUsername("insatsledare");
        long programme = app.getBean(EnrolmentService.class).saveProgramme(lead, "Benchmark " + System.nanoTime());
        var generated = new ProgressionDataGenerator(owner).generate(programme, lead.organisationId().value(),
                lead.userId(),
                persons);
        FunderReportService reports = app.getBean(FunderReportService.class);
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));
        reports.addGoal(lead, programme, new GoalInput("PLAN_WITHIN_MONTHS", "20", "29", "6", "80"));
        reports.addGoal(lead, programme, new GoalInput("PARTICIPANTS", null, null, null, "20"));
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_TO_WORK_OR_STUDIES", null, null, null, "50"));
        reports.addGoal(lead, programme, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        reports.addGoal(lead, programme, new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        sql.sql("CHECKPOINT").update();
        if (System.getProperty("lots.bench.only", "").equals("database")) {
            // the generated data for psql (EXPLAIN the statements alone); ended with Ctrl-C
            System.out.println("Database ready: " + ((com.zaxxer.hikari.HikariDataSource) owner).getJdbcUrl()
                    + " user " + ((com.zaxxer.hikari.HikariDataSource) owner).getUsername() + " programme " + programme);
            Thread.sleep(Long.MAX_VALUE);
        }
        var period = reports.period("2000-01-01", today.toString());
        Locale sv = Locale.forLanguageTag("sv");

        String loadBefore = loadAverage();
        var report = new Latencies();
        var aggregate = new Latencies();
        var firstView = new Latencies();
        var unchanged = new Latencies();
        var afterContact = new Latencies();
        var afterContacts = new Latencies();
        var firstViewThisYear = new Latencies();
        var afterContactThisYear = new Latencies();
        var contactWrites = new Latencies();
        var thisYear = reports.period(null, null);
        JdbcClient appSql = JdbcClient.create(app.getBean("dataSource", DataSource.class));
        var inTransaction = new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        // participants with a plan still enrolled: a case worker records a contact with one of them
        List<UUID> enrolled = sql.sql("SELECT e.person_id FROM enrolment e JOIN plan p ON p.person_id = e.person_id"
                + " WHERE e.programme_id = ? AND e.ended_on IS NULL ORDER BY e.id LIMIT 5000").param(programme)
                .query(UUID.class).list();
        var random = new java.util.Random(seed);
        PlanService plans = app.getBean(PlanService.class);
        Runnable contact = () -> {
            UUID person = enrolled.get(random.nextInt(enrolled.size()));
            long w = System.nanoTime();
            plans.recordContact(lead, person, today.minusDays(random.nextInt(30)).toString(), "Samtal", false);
            contactWrites.add(System.nanoTime() - w, 1);
        };
        int batch = Integer.getInteger("lots.bench.batch", 50);
        for (int i = 0; i < warmup + rounds; i++) {
            boolean timed = i >= warmup;
            long a = System.nanoTime();
            var r = reports.report(lead, programme, period, sv);
            long b = System.nanoTime();
            // with the same work_mem as the report's statement gets
            long rows = inTransaction.execute(t -> {
                appSql.sql("SET LOCAL work_mem = '64MB'").update();
                return appSql.sql(ProgressionDataGenerator.HAND_WRITTEN_MAIN_TABLE).param("programme", programme)
                        .param("from", period.from()).param("to", period.to()).query().listOfRows().size();
            });
            long c = System.nanoTime();
            if (timed) {
                report.add(b - a, (int) r.registered().table().total().count());
                aggregate.add(c - b, (int) rows);
            }
            // the goals page, first view of a period: measured from every unit (a from-date before all data that
            // no earlier round used, so nothing is kept for it; the same units and the same figures)
            var fresh = reports.period(LocalDate.of(1990, 1, 1).plusDays(i).toString(), today.toString());
            time(firstView, timed, () -> reports.measure(lead, programme, fresh).size());
            // the same view again with nothing changed: kept
            time(unchanged, timed, () -> reports.measure(lead, programme, fresh).size());
            // a case worker records a contact, then the page is viewed: brought up to date from the one unit
            contact.run();
            time(afterContact, timed, () -> reports.measure(lead, programme, fresh).size());
            // many writes between two views
            for (int k = 0; k < batch; k++) {
                contact.run();
            }
            time(afterContacts, timed, () -> reports.measure(lead, programme, fresh).size());
            // the page's default period, the year so far, which cuts the contacts of those enrolled since last year:
            // first view (an end day no earlier round used), then after a contact
            var year = reports.period(thisYear.from().toString(), today.minusDays(Math.min(i, today.getDayOfYear() - 1)).toString());
            time(firstViewThisYear, timed, () -> reports.measure(lead, programme, year).size());
            contact.run();
            time(afterContactThisYear, timed, () -> reports.measure(lead, programme, year).size());
        }
        var out = new StringBuilder(String.format("# Progression report benchmark%n%nMachine: %d cores, JDK %s. "
                + "%,d enrolments (one programme), %,d registrations, generated in %.1f s; %d rounds after %d warm-up."
                + " Load average (1, 5, 15 min) before the timed rounds: %s; after: %s.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                generated.enrolments(), generated.registrations(), generated.took().toMillis() / 1000.0, rounds,
                warmup, loadBefore, loadAverage()));
        out.append(Latencies.header().replace("searches", "calls")).append('\n');
        out.append(report.row("FunderReportService.report (whole report, 6 tables + 6 goals)")).append('\n');
        out.append(aggregate.row("hand-written SQL aggregate of the main table (same cells)")).append('\n');
        out.append(firstView.row("goals page (measure, 6 goals), whole time: first view, from every unit"))
                .append('\n');
        out.append(unchanged.row("goals page, whole time: nothing changed since the last view")).append('\n');
        out.append(afterContact.row("goals page, whole time: one contact recorded since the last view"))
                .append('\n');
        out.append(afterContacts.row("goals page, whole time: " + batch + " contacts recorded since the last view"))
                .append('\n');
        out.append(firstViewThisYear.row("goals page, the year so far (default): first view, from every unit"))
                .append('\n');
        out.append(afterContactThisYear.row("goals page, the year so far: one contact recorded since the last view"))
                .append('\n');
        out.append(contactWrites.row("PlanService.recordContact (the write, with its triggers)")).append('\n');
        out.append(String.format("%nReport ÷ aggregate: mean %.2f×, p50 %.2f×.%n", report.meanMillis() / aggregate.meanMillis(),
                report.percentileMillis(50) / aggregate.percentileMillis(50)));
        if (Boolean.getBoolean("lots.bench.explain")) {
            for (boolean tables : new boolean[] { true, false }) {
                out.append(String.format("%n```%n%s%n```%n", se.lots.progression.report.FunderReportExplain.explain(app,
                        programme, lead.organisationId().value(), period.from(), period.to(), tables)));
            }
            String plan = inTransaction.execute(t -> {
                appSql.sql("SET LOCAL work_mem = '64MB'").update();
                return String.join("\n", appSql.sql("EXPLAIN (ANALYZE, BUFFERS) "
                        + ProgressionDataGenerator.HAND_WRITTEN_MAIN_TABLE).param("programme", programme)
                        .param("from", period.from()).param("to", period.to()).query(String.class).list());
            });
            out.append(String.format("%n```%n%s%n```%n", plan));
        }
        Path file = Path.of("target", "benchmarks", "progression-" + persons + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
        System.out.println("Written to " + file.toAbsolutePath());
    }
}
