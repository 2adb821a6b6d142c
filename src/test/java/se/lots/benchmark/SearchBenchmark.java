package se.lots.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.benchmark.PersonGenerator.Generated;
import se.lots.benchmark.SearchQueries.Kind;
import se.lots.benchmark.SearchQueries.Query;
import se.lots.consent.AccessPolicy;
import se.lots.consent.ConsentScope;
import se.lots.database.internal.DatabaseSettings;
import se.lots.database.internal.EmbeddedServer;
import se.lots.organisation.OrganisationService;
import se.lots.registry.search.PersonSearch;
import se.lots.registry.search.SearchResult;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * Person search at registry scale: starts Lots on a throw-away embedded PostgreSQL (durable commits, as in
 * production), adds {@code lots.bench.persons} synthetic persons to the demo data, and times
 * {@link PersonSearch#search} as the demo user {@code kaa} of Svalövs kommun, who holds most of them. Prints
 * p50/p95/p99 per kind of search, the same statements without access lookups and audit, and EXPLAIN ANALYZE plans.
 * See docs/benchmarks.md for the command and the figures.
 */
public final class SearchBenchmark {

    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final int searches = Integer.getInteger("lots.bench.searches", 2_000);
    private final int warmup = Integer.getInteger("lots.bench.warmup", 300);
    private final long seed = Long.getLong("lots.bench.seed", 1214);
    private final String username = System.getProperty("lots.bench.user", "kaa");
    private final ConfigurableApplicationContext app;
    private final StringBuilder report = new StringBuilder();

    private SearchBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
    }

    public static void main(String[] args) throws IOException {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new SearchBenchmark(app).run();
        }
    }

    private void run() throws IOException {
        DataSource appDataSource = app.getBean("dataSource", DataSource.class);
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        Actor actor = app.getBean(CurrentActor.class).byUsername(username);

        line("# Person search benchmark, %,d generated persons", persons);
        line("");
        machine(sql);

        var generator = new PersonGenerator(appDataSource, seed, LocalDate.now());
        Generated generated = generator.generate(persons,
                DemoArea.holders(app.getBean(OrganisationService.class), sql),
                PersonGenerator.youngTestNumbers(LocalDate.now(), seed));
        long started = System.nanoTime();
        PersonGenerator.vacuumAnalyze(owner);
        sql.sql("CHECKPOINT").update();
        line("Generated %,d persons in %.1f s (%,d with a test personnummer, %d test numbers already taken by the "
                + "demo data), VACUUM ANALYZE + CHECKPOINT %.1f s.", generated.persons().size(),
                generated.took().toMillis() / 1000.0, generated.withPersonnummer(), generated.numbersAlreadyTaken(),
                (System.nanoTime() - started) / 1e9);
        line("");
        line("young_person: %,d rows, %,d held by %s (the searching user's organisation); table + indexes %s.",
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(),
                sql.sql("SELECT count(*) FROM young_person WHERE owner_organisation_id = ?")
                        .param(actor.organisationId().value()).query(Long.class).single(),
                actor.organisationName(),
                sql.sql("SELECT pg_size_pretty(pg_total_relation_size('young_person'))").query(String.class)
                        .single());
        line("");

        String planCacheMode = System.getProperty("lots.bench.plan-cache-mode", "");
        if (!planCacheMode.isBlank()) {
            // an experiment, not a setting Lots has: what the application role's connections would do with it
            if (!Set.of("auto", "force_custom_plan", "force_generic_plan").contains(planCacheMode)) {
                throw new IllegalArgumentException("lots.bench.plan-cache-mode: " + planCacheMode);
            }
            // a role's settings are the superuser's to change (the owner role may not)
            JdbcClient.create(app.getBean(EmbeddedServer.class).superuser()).sql("ALTER ROLE "
                    + app.getBean(DatabaseSettings.class).appRole() + " SET plan_cache_mode = " + planCacheMode)
                    .update();
            ((HikariDataSource) appDataSource).getHikariPoolMXBean().softEvictConnections();
            line("Experiment: plan_cache_mode=%s for the application role's connections.", planCacheMode);
            line("");
        }

        PersonSearch personSearch = app.getBean(PersonSearch.class);
        Set<UUID> shared = app.getBean(AccessPolicy.class).sharedWith(actor, ConsentScope.GRUNDUPPGIFTER);
        var plain = new PlainSearch(appDataSource);
        var queries = new SearchQueries(generated.persons(), actor.organisationId().value(), seed + 1);
        for (Query q : queries.mix(warmup)) {
            personSearch.search(actor, q.text(), 0);
            plain.search(q.text(), actor.organisationId().value(), shared);
        }

        Map<Kind, Latencies> service = new EnumMap<>(Kind.class);
        Map<Kind, Latencies> statements = new EnumMap<>(Kind.class);
        var allService = new Latencies();
        var allStatements = new Latencies();
        var overhead = new Latencies();
        var timed = new ArrayList<Timed>();
        for (Query q : queries.mix(searches)) {
            long t0 = System.nanoTime();
            SearchResult result = personSearch.search(actor, q.text(), 0);
            long t1 = System.nanoTime();
            List<UUID> ids = plain.search(q.text(), actor.organisationId().value(), shared);
            long t2 = System.nanoTime();
            service.computeIfAbsent(q.kind(), k -> new Latencies()).add(t1 - t0, result.persons().size());
            statements.computeIfAbsent(q.kind(), k -> new Latencies()).add(t2 - t1, ids.size());
            allService.add(t1 - t0, result.persons().size());
            allStatements.add(t2 - t1, ids.size());
            overhead.add(Math.max(0, (t1 - t0) - (t2 - t1)), result.persons().size());
            timed.add(new Timed(q, t1 - t0, t2 - t1, result.persons().size(), result.total()));
        }

        line("## PersonSearch.search as %s (%s): access lookups + 2 statements + audit rows + commit", username,
                actor.organisationName());
        line("");
        table(service, allService);
        line("## The same two statements alone (no access lookups, no audit, autocommit)");
        line("");
        table(statements, allStatements);
        line("What the service adds to the statements (access lookups, audit rows, commit), per search: mean %.2f ms, "
                + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms.", overhead.meanMillis(), overhead.percentileMillis(50),
                overhead.percentileMillis(95), overhead.percentileMillis(99));
        line("");
        line("Searches that found nobody, by kind (a tenth of the personnummer searches look for a person held by "
                + "another organisation, so they should find nobody):");
        for (Kind kind : Kind.values()) {
            List<String> none = timed.stream().filter(t -> t.query().kind() == kind && t.hits() == 0)
                    .map(t -> "'" + t.query().text() + "'").toList();
            line("- %s: %d%s", kind.description, none.size(),
                    none.isEmpty() ? "" : ", e.g. " + String.join(" ", none.subList(0, Math.min(8, none.size()))));
        }
        line("");
        line("Slowest searches (service ms / statements ms / hits):");
        timed.stream().sorted(Comparator.comparingLong(Timed::serviceNanos).reversed()).limit(10)
                .forEach(t -> line("- %-24s %-22s %7.2f / %7.2f / %d", t.query().kind(), "'" + t.query().text() + "'",
                        t.serviceNanos() / 1e6, t.statementNanos() / 1e6, t.hits()));
        line("");

        if (Boolean.parseBoolean(System.getProperty("lots.bench.explain", "true"))) {
            explain(plain, timed, actor, shared);
        }
        Path out = Path.of("target", "benchmarks", "search-" + persons + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    /** {@code hits}: persons on the page the service returned. */
    private record Timed(Query query, long serviceNanos, long statementNanos, int hits, long total) {
    }

    private void table(Map<Kind, Latencies> byKind, Latencies all) {
        line(Latencies.header());
        for (Kind kind : Kind.values()) {
            if (byKind.containsKey(kind)) {
                line(byKind.get(kind).row(kind.description));
            }
        }
        line(all.row("**all**"));
        line("");
    }

    /** The slowest statement of each kind: hits first, and the ordered walk when there were more than the cap. */
    private void explain(PlainSearch plain, List<Timed> timed, Actor actor, Set<UUID> shared) {
        line("## EXPLAIN ANALYZE of the slowest statement of each kind");
        line("");
        for (Kind kind : Kind.values()) {
            timed.stream().filter(t -> t.query().kind() == kind).max(Comparator.comparingLong(Timed::statementNanos))
                    .ifPresent(t -> {
                        line("### %s: '%s' (%d hits)", kind.description, t.query().text(), t.hits());
                        line("");
                        var search = PlainSearch.hitsStatement(t.query().text(), actor.organisationId().value(),
                                shared);
                        var ordered = PlainSearch.orderedStatement(t.query().text(), actor.organisationId().value(),
                                shared);
                        line("```");
                        line("-- search, custom plan (planned for these values):");
                        plain.explain(search).forEach(this::line);
                        line("-- search, generic plan (prepared statement, plan_cache_mode=force_generic_plan):");
                        plain.explainGeneric(search).forEach(this::line);
                        if (t.total() > 5000) {
                            line("-- more hits than the cap: the ordered walk, custom plan:");
                            plain.explain(ordered).forEach(this::line);
                        }
                        line("```");
                        line("");
                    });
        }
    }

    private void machine(JdbcClient sql) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
                .orElse("?");
        line("Machine: %d cores (%s), %s memory; JDK %s; %s; fsync=%s, synchronous_commit=%s, shared_buffers=%s.",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"),
                sql.sql("SELECT version()").query(String.class).single().replaceAll(" on .*", ""),
                setting(sql, "fsync"), setting(sql, "synchronous_commit"), setting(sql, "shared_buffers"));
        line("Settings: lots.bench.persons=%d, lots.bench.searches=%d, lots.bench.warmup=%d, lots.bench.seed=%d, "
                + "lots.bench.user=%s, lots.bench.plan-cache-mode=%s.", persons, searches, warmup, seed, username,
                System.getProperty("lots.bench.plan-cache-mode", "(not set: auto)"));
        line("");
    }

    private static String setting(JdbcClient sql, String name) {
        return sql.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
