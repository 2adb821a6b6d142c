package se.lots.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.privacy.retention.RetentionRun;
import se.lots.privacy.retention.RetentionRunService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Gallring at national scale against plain {@code DELETE}s of the same rows, in the same run on the same data (issue
 * 23: the retention job within 2× the plain statements). {@code lots.bench.persons} persons (the registry benchmark's
 * spread over the demo area), of whom {@code lots.bench.due-share} are due under the KAA rule in the demo kommun
 * ({@link RetentionDataGenerator}), {@code lots.bench.events} journey events, plans, steps, booked times and
 * {@code lots.bench.audit-per-person} audit entries per person; then, interleaved: (a) the plain statements
 * ({@link PlainRetentionDeletes}) rolled back, (b) the retention job rolled back, (a) again, (b) again committed. The
 * job is the approved run of the demo kommun ({@link RetentionRunService}): an administrator prepares it (the dry run,
 * timed on its own), another approves it, the first executes it (timed: every register's eraser removes what its rule
 * makes due, in the run's order, in one transaction, then the persons no register holds any more are forgotten by the
 * registry, which forgets each in the audit log). It prints the rows per table of both (they must be equal), the
 * seconds, and (b) ÷ (a) of the second rounds. See docs/benchmarks.md.
 */
public final class RetentionBenchmark {

    /** What one side removed: rows per table, persons forgotten, the time, and the forgetting's share of it. */
    record Removal(Map<String, Long> rows, long forgotten, Duration took, Duration forgetting,
            Map<String, Duration> byTable, Duration prepared) {
    }

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int events = Integer.getInteger("lots.bench.events", 5_000_000);
    private final double dueShare = Double.parseDouble(System.getProperty("lots.bench.due-share", "0.333"));
    private final int auditPerPerson = Integer.getInteger("lots.bench.audit-per-person", 3);
    private final long seed = Long.getLong("lots.bench.seed", 2323);

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new RetentionBenchmark().run(app);
        }
    }

    private void run(ConfigurableApplicationContext app) {
        long started = System.nanoTime();
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        Actor coach = app.getBean(CurrentActor.class).byUsername("coach");
        long org = coach.organisationId().value();
        LocalDate today = LocalDate.now(app.getBean(Clock.class));
        new PersonGenerator(app.getBean("dataSource", DataSource.class), seed, today).generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(today, seed));
        PersonGenerator.vacuumAnalyze(owner);
        List<String> usernames = PlanPageBenchmark.caseWorkers(sql, "coach", "retention-bench-",
                Math.max(10, persons / 50));
        List<Long> workers = usernames.stream().map(u -> app.getBean(CurrentActor.class).byUsername(u).userId())
                .toList();
        // plans for four in five persons with five steps each, as the plan benchmark's national size (200 000 and
        // 1 000 000 for 250 000); the open KAA episodes as its largest municipality's register
        var generated = new RetentionDataGenerator(owner).generate(org, coach.userId(), workers,
                (int) Math.round(persons * dueShare), Integer.getInteger("lots.bench.kaa-episodes", 5_000),
                persons * 4 / 5, persons * 4, events, auditPerPerson, today, 0.2323);
        sql.sql("CHECKPOINT").update();
        var report = new StringBuilder(String.format("# Gallring (retention job) vs plain DELETE%n%nMachine: %d cores, "
                + "JDK %s, load average %.2f at the start of the removals. young_person %,d rows, journey_event %,d, "
                + "audit_entry %,d; generated in %.0f s: %,d old closed KAA episodes of %,d persons (due), %,d open "
                + "episodes, %,d plans, %,d steps, %,d journey events, %,d booked times, %,d audit entries.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                count(sql, "young_person"), count(sql, "journey_event"), count(sql, "audit_entry"),
                generated.took().toMillis() / 1000.0, generated.dueEpisodes(), generated.duePersons(),
                generated.openEpisodes(), generated.plans(), generated.steps(), generated.events(),
                generated.appointments(), generated.auditEntries()));
        var result = measure(app, coach.organisationId(), today);
        report.append(result.markdown());
        report.append(unindexedReferences(sql, result.job().rows().keySet()));
        report.append(String.format("%nWhole run %.0f s.%n", (System.nanoTime() - started) / 1e9));
        System.out.println(report);
    }

    /** Both sides twice, interleaved, the job's second run committed; with the tables' rows before and after it. */
    record Result(Duration finding, Removal plainFirst, Removal jobFirst, Removal plain, Removal job,
            Map<String, Long> before, Map<String, Long> after) {

        double ratio() {
            return job.took().toNanos() / (double) plain.took().toNanos();
        }

        /** Rows the committed job took out of each table, counted in the tables (the tables it took rows from). */
        Map<String, Long> gone() {
            var gone = new LinkedHashMap<String, Long>();
            before.forEach((table, n) -> gone.put(table, n - after.get(table)));
            return nonZero(gone);
        }

        /** The tables each side removed rows from, with how many (an eraser reports its tables with none too). */
        static Map<String, Long> nonZero(Map<String, Long> rows) {
            var removed = new LinkedHashMap<String, Long>();
            rows.forEach((table, n) -> {
                if (n != 0) {
                    removed.put(table, n);
                }
            });
            return removed;
        }

        boolean sameRows() {
            return nonZero(plain.rows()).equals(nonZero(job.rows()));
        }

        String markdown() {
            var out = new StringBuilder("| table | plain DELETE rows | retention job rows | gone from the table | "
                    + "plain DELETE ms (2nd round) |\n|---|---:|---:|---:|---:|\n");
            var tables = new LinkedHashSet<String>(job.rows().keySet());
            tables.addAll(plain.rows().keySet());
            for (String table : tables) {
                Duration ms = plain.byTable().get(table);
                out.append(String.format("| %s | %,d | %,d | %,d | %s |%n", table, plain.rows().getOrDefault(table, 0L),
                        job.rows().getOrDefault(table, 0L), gone().getOrDefault(table, 0L),
                        ms == null ? "" : String.valueOf(ms.toMillis())));
            }
            out.append(String.format("%n| | (a) plain DELETEs, rolled back | (b) retention job | (b) ÷ (a) |%n"
                    + "|---|---:|---:|---:|%n"));
            if (plainFirst != null) {
                out.append(String.format("| first round (b rolled back) s | %.2f | %.2f | %.2f |%n",
                        seconds(plainFirst.took()), seconds(jobFirst.took()),
                        jobFirst.took().toNanos() / (double) plainFirst.took().toNanos()));
            }
            out.append(String.format("| second round (b committed) s | %.2f | %.2f | **%.2f** |%n",
                    seconds(plain.took()), seconds(job.took()), ratio()));
            out.append(String.format("| of which forgetting the persons (registry + audit log) s | %.2f | (inside "
                    + "execute, not timed apart) | |%n", seconds(plain.forgetting())));
            out.append(String.format("| (b) prepare: the dry run frozen, before approval (not in the ratio) s | | %s%.2f "
                    + "| |%n", jobFirst == null ? "" : String.format("%.2f / ", seconds(jobFirst.prepared())),
                    seconds(job.prepared())));
            out.append(String.format("%nPersons forgotten: %,d (plain) / %,d (job). Within 2×: **%s** (%.2f×). "
                    + "Rows equal on both sides: %s. Finding the rows for (a) (every eraser's archiveDue, not timed in "
                    + "(a)): %.2f s.%n", plain.forgotten(), job.forgotten(), ratio() <= 2 ? "yes" : "NO", ratio(),
                    sameRows() ? "yes" : "NO", seconds(finding)));
            return out.toString();
        }

        private static double seconds(Duration d) {
            return d.toMillis() / 1000.0;
        }
    }

    /**
     * (a), (b), (a), (b) in {@code organisation} on {@code today}; the last (b) is committed. (b) is the approved run
     * ({@link RetentionRunService}): two administrators of the organisation are made for it, one prepares (the dry
     * run, timed on its own), the other approves, the first executes (timed). The tables' rows are counted around
     * each round (outside the timing): each rolled-back round must leave them as they were, so that the next round
     * removes the same rows; the run must end DONE (a REFUSED run removes nothing).
     */
    static Result measure(ApplicationContext app, OrganisationId organisation, LocalDate today) {
        var plainDeletes = new PlainRetentionDeletes(app.getBean("dataSource", DataSource.class));
        long f0 = System.nanoTime();
        var removal = plainDeletes.collect(app, List.of(organisation), today);
        Duration finding = Duration.ofNanos(System.nanoTime() - f0);
        Administrators admins = administrators(app, organisation);
        JdbcClient sql = JdbcClient.create(app.getBean("ownerDataSource", DataSource.class));
        Set<String> tables = new LinkedHashSet<>(removal.steps().stream().flatMap(List::stream)
                .map(PlainRetentionDeletes.Rows::table).toList());
        tables.addAll(List.of(PlainRetentionDeletes.HOLDINGS, "young_person", "audit_entry"));
        // the first round warms the caches for both; -Dlots.bench.first-round=false leaves it out (half the time)
        boolean firstRound = Boolean.parseBoolean(System.getProperty("lots.bench.first-round", "true"));
        Map<String, Long> start = counts(sql, tables);
        Removal plainFirst = null;
        Removal jobFirst = null;
        if (firstRound) {
            plainFirst = plain(plainDeletes, removal);
            unchanged(sql, tables, start, "(a) first round");
            jobFirst = retentionRun(app, admins, false);
            unchanged(sql, tables, start, "(b) first round");
        }
        Removal plain = plain(plainDeletes, removal);
        unchanged(sql, tables, start, "(a) second round");
        Map<String, Long> before = counts(sql, plain.rows().keySet());
        Removal job = retentionRun(app, admins, true);
        Map<String, Long> after = counts(sql, plain.rows().keySet());
        // the holdings: the forgotten persons' are gone with them, and nobody else's were touched
        before.remove(PlainRetentionDeletes.HOLDINGS);
        after.remove(PlainRetentionDeletes.HOLDINGS);
        return new Result(finding, plainFirst, jobFirst, plain, job, before, after);
    }

    /** A rolled-back round left the tables as they were (else the rounds after it would measure other rows). */
    private static void unchanged(JdbcClient sql, Set<String> tables, Map<String, Long> start, String round) {
        Map<String, Long> now = counts(sql, tables);
        if (!now.equals(start)) {
            throw new IllegalStateException(round + " was to be rolled back but left " + now + ", not " + start);
        }
    }

    private static Removal plain(PlainRetentionDeletes deletes, PlainRetentionDeletes.Removal removal) {
        var removed = deletes.removeAndRollBack(removal);
        return new Removal(removed.rows(), removed.forgotten(), removed.took(), removed.forgetting(),
                removed.byTable(), null);
    }

    /** The two administrators of the organisation a run needs (four eyes): one prepares and executes, one approves. */
    record Administrators(Actor preparer, Actor approver) {
    }

    static Administrators administrators(ApplicationContext app, OrganisationId organisation) {
        OrganisationService organisations = app.getBean(OrganisationService.class);
        CurrentActor actors = app.getBean(CurrentActor.class);
        String suffix = organisation.value() + "-" + UUID.randomUUID().toString().substring(0, 8);
        organisations.createUser(new NewUser("bench-gallrare-" + suffix, "ett-langt-losenord", "Gun Gallrare",
                Role.ADMIN, organisation, null));
        organisations.createUser(new NewUser("bench-arkivansvarig-" + suffix, "ett-langt-losenord",
                "Arne Arkivansvarig", Role.ADMIN, organisation, null));
        return new Administrators(actors.byUsername("bench-gallrare-" + suffix),
                actors.byUsername("bench-arkivansvarig-" + suffix));
    }

    /**
     * The approved run as the administrators make it: prepare (the frozen dry run the administrator waits for, timed
     * on its own), approve by the other (not timed: a person's decision), execute (timed: the removal, in one
     * transaction, the registers in the run's order, then the persons no register holds forgotten). What it removed is
     * the run's record of it (its lines' removed counts, the persons forgotten); the holdings and the log's entries
     * that go with the forgotten persons are counted in the tables before and after (outside the timing). With
     * {@code commit} false the three steps run in one outer transaction that is rolled back (the run's record with it).
     */
    static Removal retentionRun(ApplicationContext app, Administrators admins, boolean commit) {
        RetentionRunService runs = app.getBean(RetentionRunService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        java.util.function.Supplier<Removal> run = () -> {
            long holdings0 = count(jdbc, PlainRetentionDeletes.HOLDINGS);
            long entries0 = namingAPerson(jdbc);
            long p0 = System.nanoTime();
            RetentionRun prepared = runs.prepare(admins.preparer());
            Duration preparing = Duration.ofNanos(System.nanoTime() - p0);
            RetentionRun approved = runs.approve(admins.approver(), prepared.id(), prepared.version());
            long t0 = System.nanoTime();
            RetentionRun done = runs.execute(admins.preparer(), approved.id(), approved.version());
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            if (done.status() != RetentionRun.Status.DONE) {
                throw new IllegalStateException("the run ended " + done.status() + ": " + done.reasonKey() + " "
                        + done.reasonDetail());
            }
            var rows = new LinkedHashMap<String, Long>();
            for (RetentionRun.Line line : done.lines()) {
                if (line.removed() != null) {
                    line.removed().rowsByTable().forEach((table, n) -> rows.merge(table, n, Long::sum));
                }
            }
            long holdingsGone = holdings0 - count(jdbc, PlainRetentionDeletes.HOLDINGS);
            rows.put(PlainRetentionDeletes.HOLDINGS + " (forgotten)",
                    holdingsGone - rows.getOrDefault(PlainRetentionDeletes.HOLDINGS, 0L));
            long forgotten = done.forgottenPersons() == null ? 0 : done.forgottenPersons();
            rows.put("young_person", forgotten);
            rows.put("audit_entry", entries0 - namingAPerson(jdbc));
            return new Removal(rows, forgotten, took, null, Map.of(), preparing);
        };
        if (commit) {
            return run.get();
        }
        return tx.execute(status -> {
            status.setRollbackOnly();
            return run.get();
        });
    }

    private static long namingAPerson(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id IS NOT NULL").query(Long.class).single();
    }

    /**
     * The foreign keys into the tables the run removes from whose referring column leads no index: every removed row
     * makes PostgreSQL look for referring rows, a whole scan of the referring table each time without one.
     */
    static String unindexedReferences(JdbcClient sql, Set<String> tables) {
        List<String> found = sql.sql("""
                SELECT format('%s.%s → %s (%s rows)', c.conrelid::regclass, a.attname, c.confrelid::regclass,
                              to_char(r.reltuples, 'FM999G999G999'))
                  FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                  JOIN pg_class r ON r.oid = c.conrelid
                 WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.confrelid::regclass::text = ANY(?::text[])
                   AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
                 ORDER BY r.reltuples DESC""").param(tables.toArray(String[]::new)).query(String.class).list();
        return String.format("%nForeign keys into these tables without an index on the referring column (each removed "
                + "row scans the referring table): %s.%n", found.isEmpty() ? "none" : String.join("; ", found));
    }

    private static Map<String, Long> counts(JdbcClient sql, Set<String> tables) {
        var counts = new LinkedHashMap<String, Long>();
        for (String table : tables) {
            if (table.endsWith(" (forgotten)")) {
                continue;
            }
            // the log keeps its rows: what is counted is the entries that still name a person
            counts.put(table, sql.sql("SELECT count(*) FROM " + table
                    + (table.equals("audit_entry") ? " WHERE person_id IS NOT NULL" : "")).query(Long.class).single());
        }
        return counts;
    }

    private static long count(JdbcClient sql, String table) {
        return sql.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
