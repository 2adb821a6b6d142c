package se.lots.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.privacy.DataSubjects;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.retention.RetentionRuleService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Gallring at national scale against plain {@code DELETE}s of the same rows, in the same run on the same data (issue
 * 23: the retention job within 2× the plain statements). {@code lots.bench.persons} persons (the registry benchmark's
 * spread over the demo area), of whom {@code lots.bench.due-share} are due under the KAA rule in the demo kommun
 * ({@link RetentionDataGenerator}), {@code lots.bench.events} journey events, plans, steps, booked times and
 * {@code lots.bench.audit-per-person} audit entries per person; then, interleaved: (a) the plain statements
 * ({@link PlainRetentionDeletes}) rolled back, (b) the retention job rolled back, (a) again, (b) again committed. The
 * job is what the approved run does: every register's eraser removes what its rule makes due in every organisation,
 * in one transaction, then the persons no register holds any more are forgotten by the registry
 * ({@link DataSubjects#forget}, which forgets each in the audit log). It prints the rows per table of both (they must
 * be equal), the seconds, and (b) ÷ (a) of the second rounds. See docs/benchmarks.md.
 */
public final class RetentionBenchmark {

    /** What one side removed: rows per table, persons forgotten, the time, and the forgetting's share of it. */
    record Removal(Map<String, Long> rows, long forgotten, Duration took, Duration forgetting,
            Map<String, Duration> byTable) {
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
        List<OrganisationId> organisations = app.getBean(OrganisationService.class).organisations().stream()
                .map(o -> o.id()).toList();
        var result = measure(app, organisations, today);
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
            out.append(String.format("| of which forgetting the persons (registry + audit log) s | %.2f | %.2f | |%n",
                    seconds(plain.forgetting()), seconds(job.forgetting())));
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
     * (a), (b), (a), (b) over {@code organisations} on {@code today}; the last (b) is committed. The tables' rows are
     * counted around it (outside the timing).
     */
    static Result measure(ApplicationContext app, List<OrganisationId> organisations, LocalDate today) {
        var plainDeletes = new PlainRetentionDeletes(app.getBean("dataSource", DataSource.class));
        long f0 = System.nanoTime();
        var removal = plainDeletes.collect(app, organisations, today);
        Duration finding = Duration.ofNanos(System.nanoTime() - f0);
        // the first round warms the caches for both; -Dlots.bench.first-round=false leaves it out (half the time)
        boolean firstRound = Boolean.parseBoolean(System.getProperty("lots.bench.first-round", "true"));
        Removal plainFirst = firstRound ? plain(plainDeletes, removal) : null;
        Removal jobFirst = firstRound ? retentionJob(app, organisations, today, false) : null;
        Removal plain = plain(plainDeletes, removal);
        JdbcClient sql = JdbcClient.create(app.getBean("ownerDataSource", DataSource.class));
        Map<String, Long> before = counts(sql, plain.rows().keySet());
        Removal job = retentionJob(app, organisations, today, true);
        Map<String, Long> after = counts(sql, plain.rows().keySet());
        // the holdings: the forgotten persons' are gone with them, and nobody else's were touched
        before.remove(PlainRetentionDeletes.HOLDINGS);
        after.remove(PlainRetentionDeletes.HOLDINGS);
        return new Result(finding, plainFirst, jobFirst, plain, job, before, after);
    }

    private static Removal plain(PlainRetentionDeletes deletes, PlainRetentionDeletes.Removal removal) {
        var removed = deletes.removeAndRollBack(removal);
        return new Removal(removed.rows(), removed.forgotten(), removed.took(), removed.forgetting(),
                removed.byTable());
    }

    /**
     * The approved run's removal, through the modules' APIs as the privacy module calls them: for each organisation,
     * each register's eraser with the organisation's rule, then the persons no register holds any more forgotten, in
     * one transaction. A register without an eraser yet keeps its persons (their rows checked here in its tables, as a
     * person still referred to cannot leave the registry).
     */
    static Removal retentionJob(ApplicationContext app, List<OrganisationId> organisations, LocalDate today,
            boolean commit) {
        List<PersonalDataEraser> erasers = app.getBeanProvider(PersonalDataEraser.class).orderedStream().toList();
        Set<String> erased = new HashSet<>(erasers.stream().map(PersonalDataEraser::register).toList());
        // the registry is the person, the log forgets them: neither holds a person back
        List<PersonalDataHolder> notErased = app.getBeanProvider(PersonalDataHolder.class).orderedStream()
                .filter(h -> !erased.contains(h.register()) && !Set.of("registry", "audit").contains(h.register()))
                .toList();
        RetentionRuleService rules = app.getBean(RetentionRuleService.class);
        DataSubjects subjects = app.getBean(DataSubjects.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        var tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        return tx.execute(status -> {
            long t0 = System.nanoTime();
            var rows = new LinkedHashMap<String, Long>();
            var removed = new LinkedHashSet<UUID>();
            for (OrganisationId organisation : organisations) {
                for (RetentionRule rule : rules.applied(organisation).stream().map(RetentionRuleService.Applied::rule)
                        .toList()) {
                    for (PersonalDataEraser eraser : erasers) {
                        if (eraser.register().equals(rule.register())
                                && eraser.recordKinds().contains(rule.recordKind())) {
                            RetentionCount count = eraser.removeDue(organisation, rule, today);
                            count.rowsByTable().forEach((table, n) -> rows.merge(table, n, Long::sum));
                            removed.addAll(count.personIds());
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            var held = new HashSet<UUID>();
            for (PersonalDataEraser eraser : erasers) {
                held.addAll(eraser.stillHeld(removed));
            }
            held.addAll(referredTo(jdbc, notErased, removed));
            List<UUID> gone = removed.stream().filter(p -> !held.contains(p)).toList();
            // the entries about them, counted for the comparison (not timed)
            long c0 = System.nanoTime();
            long entries = gone.isEmpty() ? 0
                    : jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ANY(?::uuid[])")
                            .param(gone.toArray(UUID[]::new)).query(Long.class).single();
            long holdings = gone.isEmpty() ? 0
                    : jdbc.sql("SELECT count(*) FROM " + PlainRetentionDeletes.HOLDINGS
                            + " WHERE person_id = ANY(?::uuid[])").param(gone.toArray(UUID[]::new)).query(Long.class)
                            .single();
            long c1 = System.nanoTime();
            int forgotten = subjects.forget(gone);
            long t2 = System.nanoTime();
            rows.put(PlainRetentionDeletes.HOLDINGS + " (forgotten)", holdings);
            rows.put("young_person", (long) forgotten);
            rows.put("audit_entry", entries);
            if (!commit) {
                status.setRollbackOnly();
            }
            return new Removal(rows, forgotten, Duration.ofNanos(t2 - t0 - (c1 - c0)),
                    Duration.ofNanos(t2 - t1 - (c1 - c0)), Map.of());
        });
    }

    /** Of {@code persons}, those a register without an eraser still has rows on (its tables with a person_id). */
    private static Set<UUID> referredTo(JdbcClient jdbc, List<PersonalDataHolder> holders, Set<UUID> persons) {
        if (persons.isEmpty()) {
            return Set.of();
        }
        var tables = new TreeSet<String>();
        holders.forEach(h -> tables.addAll(h.tables()));
        List<String> withPerson = jdbc.sql("""
                SELECT table_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND column_name = 'person_id' AND table_name = ANY(?)""")
                .param(tables.toArray(String[]::new)).query(String.class).list();
        if (withPerson.isEmpty()) {
            return Set.of();
        }
        var union = new ArrayList<String>();
        withPerson.forEach(t -> union.add("SELECT person_id FROM " + t + " WHERE person_id = ANY(:p::uuid[])"));
        return new HashSet<>(jdbc.sql(String.join(" UNION ", union)).param("p", persons.toArray(UUID[]::new))
                .query(UUID.class).list());
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
