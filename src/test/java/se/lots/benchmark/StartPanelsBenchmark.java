package se.lots.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.OrganisationService;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.web.start.StartPanel;

/**
 * The KAA and goals panels of the start page on generated data: {@code lots.bench.persons} persons,
 * {@code lots.bench.kaa-episodes} of them in the demo municipality's KAA register (as {@link KaaWorklistBenchmark}),
 * and a programme of the demo programme lead with six goals over the progression generator's participants (as
 * {@code ProgressionReportBenchmark}). Prints EXPLAIN (ANALYZE, BUFFERS) of the KAA panel's two statements and the
 * time of each panel's {@code content(user)} (what the start page calls), after warm-up. See docs/benchmarks.md.
 */
public final class StartPanelsBenchmark {

    private final int persons = Integer.getInteger("lots.bench.persons", 50_000);
    private final int kaaEpisodes = Integer.getInteger("lots.bench.kaa-episodes", 5_000);
    private final int requests = Integer.getInteger("lots.bench.requests", 300);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 50);
    private final long seed = Long.getLong("lots.bench.seed", 1214);

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new StartPanelsBenchmark().run(app);
        }
    }

    private void run(ConfigurableApplicationContext app) throws Exception {
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        LocalDate today = LocalDate.now();
        var actors = app.getBean(CurrentActor.class);
        Actor kaa = actors.byUsername("kaa");
        Actor lead = actors.byUsername("insatsledare");
        new PersonGenerator(app.getBean("dataSource", DataSource.class), seed, today).generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(today, seed));
        new KaaRegisterGenerator(owner).generate(kaa.organisationId().value(), kaaEpisodes, today, 0.1214);
        long programme = app.getBean(EnrolmentService.class).saveProgramme(lead, "Benchmark " + System.nanoTime());
        new ProgressionDataGenerator(owner).generate(programme, lead.organisationId().value(), lead.userId(), persons);
        FunderReportService reports = app.getBean(FunderReportService.class);
        for (String[] g : List.of(new String[] { "DISCHARGED_WITH_PLAN", null, null, null, "80" },
                new String[] { "PLAN_WITHIN_MONTHS", "20", "29", "6", "80" },
                new String[] { "PARTICIPANTS", null, null, null, "20" },
                new String[] { "DISCHARGED_TO_WORK_OR_STUDIES", null, null, null, "50" },
                new String[] { "CONTACTS_PER_WEEK", null, null, null, "1" },
                new String[] { "GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1" })) {
            reports.addGoal(lead, programme, new GoalInput(g[0], g[1], g[2], g[3], g[4]));
        }
        PersonGenerator.vacuumAnalyze(owner);
        sql.sql("VACUUM (ANALYZE) kaa_episode").update();
        sql.sql("VACUUM (ANALYZE) kaa_status").update();
        sql.sql("CHECKPOINT").update();
        long open = sql.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NULL")
                .param(kaa.organisationId().value()).query(Long.class).single();
        System.out.printf("%n# Start page panels: %,d persons, %,d open episodes in %s's register, programme %d%n%n",
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(), open,
                kaa.organisationName(), programme);

        JdbcClient appSql = JdbcClient.create(app.getBean("dataSource", DataSource.class));
        var month = YearMonth.from(today);
        var params = new HashMap<String, Object>(Map.of("org", kaa.organisationId().value(), "today", today,
                "first", month.atDay(1), "last", month.atEndOfMonth()));
        explain(appSql, "Worklist.TODAY", constant("se.lots.kaa.register.Worklist", "TODAY"), params);
        explain(appSql, "NotKnownTrend.SQL, 12 months", constant("se.lots.kaa.figures.NotKnownTrend", "SQL"),
                Map.of("org", kaa.organisationId().value(), "last", month.atDay(1), "months", 12));

        LocaleContextHolder.setLocale(Locale.forLanguageTag("sv"));
        for (StartPanel panel : app.getBeanProvider(StartPanel.class)) {
            for (Actor user : List.of(kaa, lead)) {
                if (panel.content(user).isEmpty()) {
                    continue;
                }
                var latencies = new Latencies();
                for (int i = 0; i < warmup + requests; i++) {
                    long t0 = System.nanoTime();
                    panel.content(user);
                    if (i >= warmup) {
                        latencies.add(System.nanoTime() - t0, 1);
                    }
                }
                System.out.println(Latencies.header());
                System.out.println(latencies.row(panel.getClass().getSimpleName() + " as " + user.username()));
                System.out.println();
            }
        }
    }

    private static String constant(String className, String field) throws ReflectiveOperationException {
        var f = Class.forName(className).getDeclaredField(field);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    private static void explain(JdbcClient sql, String name, String statement, Map<String, Object> params) {
        // twice: the first run reads from disk
        sql.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).params(params).query(String.class).list();
        System.out.println("## " + name + "\n\n" + sql.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).params(params)
                .query(String.class).list().stream().collect(Collectors.joining("\n")) + "\n");
    }
}
