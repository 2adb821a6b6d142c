package se.lots.benchmark;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.kaa.ImportPreview;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.register.ImportProgress;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The KAA list import at national scale (issue 4, section 9): a list of {@code lots.bench.rows} rows is previewed
 * (read, validated, matched, diffed) and confirmed (saved and audited) by a KAA coordinator, then imported a second
 * time (nothing changes), and compared with PostgreSQL's {@code COPY} of the same file into a bare table of text
 * columns, measured in the same run on the same database. See docs/benchmarks.md.
 */
public final class KaaImportBenchmark {

    private static final String MUNICIPALITY = "1480";

    private final int rows = Integer.getInteger("lots.bench.rows", 100_000);
    private final int persons = Integer.getInteger("lots.bench.persons", 250_000);
    private final long seed = Long.getLong("lots.bench.seed", 1214);
    private final ConfigurableApplicationContext app;
    private final StringBuilder report = new StringBuilder();
    private final Map<String, Map<String, Double>> breakdown = new LinkedHashMap<>();

    private KaaImportBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchmarkApp.start(args)) {
            new KaaImportBenchmark(app).run();
        }
    }

    /** What one import took, in seconds. */
    record Timing(double preview, double confirm, ImportPreview result) {
        double total() {
            return preview + confirm;
        }
    }

    private void run() throws Exception {
        DataSource owner = app.getBean("ownerDataSource", DataSource.class);
        DataSource appDataSource = app.getBean("dataSource", DataSource.class);
        JdbcClient sql = JdbcClient.create(owner);
        LocalDate today = LocalDate.now();
        Actor coordinator = coordinator();

        // the registry at its usual scale, and the big municipality's young people of KAA age on top
        var organisations = app.getBean(OrganisationService.class);
        new PersonGenerator(appDataSource, seed, today).generate(Math.max(0, persons - rows),
                DemoArea.holders(organisations, sql), PersonGenerator.youngTestNumbers(today, seed).stream()
                        .filter(n -> !inKaaAge(n, today)).toList());
        // a twentieth more than the list needs: the generator gives one in a hundred a protected identity, and the
        // list (like a school's) has no address for them, so they are left out of it
        new PersonGenerator(appDataSource, seed + 1, today).aged(16, 19).generate(rows + rows / 20,
                List.of(new PersonGenerator.Holder(coordinator.organisationId().value(), 1.0, List.of(MUNICIPALITY))),
                List.of());
        PersonGenerator.vacuumAnalyze(owner);
        sql.sql("CHECKPOINT").update();
        var list = KaaListFile.build(sql, coordinator.organisationId().value(), MUNICIPALITY, rows,
                unusedKaaAgeNumbers(sql),
                seed);

        line("# KAA list import benchmark, %,d rows", rows);
        line("");
        line("Machine: %d cores, JDK %s, %s; fsync=%s, synchronous_commit=%s. young_person: %,d rows. The list: %,d "
                + "rows, %.1f MB, of which %,d personnummer new to the registry and the rest reserve identities of "
                + "persons the municipality holds.", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                sql.sql("SELECT version()").query(String.class).single().replaceAll(" on .*", ""),
                setting(sql, "fsync"), setting(sql, "synchronous_commit"),
                sql.sql("SELECT count(*) FROM young_person").query(Long.class).single(), list.rows(),
                list.content().length / 1e6, list.newPersons());
        line("");

        double[] copies = new double[3];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = copy(owner, list.content(), "kaa_bench_bare_" + i);
        }
        Arrays.sort(copies);
        double copy = copies[1];

        Floor floor = floor(owner, coordinator, rows, "kaa_status", "kaa_episode", "audit_entry");
        Floor bare = floor(owner, coordinator, rows, "kaa_bench_status", "kaa_bench_episode", "kaa_bench_audit");

        KaaImportService imports = app.getBean(KaaImportService.class);
        if (System.getProperty("lots.bench.only", "").equals("database")) {
            // the generated registry and the list's persons for psql (EXPLAIN the statements alone); Ctrl-C ends it
            System.out.println("Database ready: " + ((com.zaxxer.hikari.HikariDataSource) owner).getJdbcUrl()
                    + " user " + ((com.zaxxer.hikari.HikariDataSource) owner).getUsername() + ", organisation "
                    + coordinator.organisationId() + ", user " + coordinator.userId());
            Thread.sleep(Long.MAX_VALUE);
        }
        Timing first = importOnce("first import", imports, coordinator, list.content());
        long episodes = sql.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NULL")
                .param(coordinator.organisationId().value()).query(Long.class).single();
        long audited = sql.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND detail LIKE 'KAA-import%'")
                .param(coordinator.organisationId().value()).query(Long.class).single();
        Timing second = importOnce("same file again", imports, coordinator, list.content());
        if (!second.result().changesNothing() || episodes != rows) {
            throw new IllegalStateException("the import did not do what it should: " + episodes + " episodes");
        }

        line("| step | seconds | × COPY |");
        line("|---|---:|---:|");
        line("| `COPY` of the file into a bare table of 11 text columns (median of 3) | %.2f | 1.0 |", copy);
        row("first import: preview (read, validate, match, diff, audit reads)", first.preview(), copy);
        row("first import: confirm (plan again, save persons, episodes, statuses, audit)", first.confirm(), copy);
        row("**first import, preview + confirm**", first.total(), copy);
        row("same file again: preview", second.preview(), copy);
        row("same file again: confirm (changes nothing)", second.confirm(), copy);
        row("**same file again, preview + confirm**", second.total(), copy);
        row("floor: the first import's rows alone, in SQL, into Lots' tables (statuses %.2f s, episodes %.2f s, "
                .formatted(floor.statuses(), floor.episodes()) + "audit rows %.2f s)".formatted(floor.audit()),
                floor.total(), copy);
        row("floor without foreign keys or triggers: the same into copies of the tables with their indexes only",
                bare.total(), copy);
        line("");
        line("After the first import: %,d open episodes, %,d audit rows written by the import (%,d new persons, %,d "
                + "added to the register).", episodes, audited, first.result().added().stream()
                        .filter(a -> a.personId() == null).count(), first.result().added().size());
        line("Target: preview + confirm within 3 × COPY = %.2f s.", 3 * copy);
        line("");
        line("Where the time goes (from each phase the import reports to the next; saving 0 = persons, "
                + "1 = statuses, 2 = episodes, 3 = changed episodes, closings and the audit rows):");
        line("");
        line("| import | step | seconds |");
        line("|---|---|---:|");
        breakdown.forEach((name, steps) -> steps.forEach((step, seconds) -> line("| %s | %s | %.2f |", name, step,
                seconds)));
        line("");
        Path out = Path.of("target", "benchmarks", "kaa-import-" + rows + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private Timing importOnce(String name, KaaImportService imports, Actor coordinator, byte[] content) {
        var steps = new Steps();
        steps.mark("preview");
        long t0 = System.nanoTime();
        ImportPreview preview = imports.upload(coordinator, "kaa-lista.csv", content, Locale.forLanguageTag("sv"),
                steps);
        long t1 = System.nanoTime();
        if (!preview.errors().isEmpty()) {
            throw new IllegalStateException("the list has errors: " + preview.errors().subList(0,
                    Math.min(5, preview.errors().size())));
        }
        steps.mark("confirm");
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), Locale.forLanguageTag("sv"),
                steps);
        long t2 = System.nanoTime();
        steps.mark("end");
        breakdown.put(name, steps.durations());
        return new Timing((t1 - t0) / 1e9, (t2 - t1) / 1e9, preview);
    }

    /**
     * Where an import's time goes: the time from each phase the service reports (and, while saving, each part of
     * it) to the next one. Only the first report of a phase starts it: checking reports every 2 000 rows.
     */
    private static final class Steps implements ImportProgress.Tracker {
        private final Map<String, Long> started = new LinkedHashMap<>();
        private String prefix = "";

        @Override
        public void report(String phase, long done, long total) {
            String step = phase.substring(phase.lastIndexOf('.') + 1);
            started.putIfAbsent(prefix + ": " + step + (step.equals("saving") ? " " + Math.round(done * 4.0 / Math.max(1, total))
                    : ""), System.nanoTime());
        }

        void mark(String name) {
            prefix = name;
            started.putIfAbsent(name, System.nanoTime());
        }

        Map<String, Double> durations() {
            var out = new LinkedHashMap<String, Double>();
            String previous = null;
            long at = 0;
            for (var e : started.entrySet()) {
                if (previous != null) {
                    out.put(previous, (e.getValue() - at) / 1e9);
                }
                previous = e.getKey();
                at = e.getValue();
            }
            return out;
        }
    }

    /** What writing the first import's rows takes PostgreSQL itself, in seconds. */
    record Floor(double statuses, double episodes, double audit, int rowsWritten) {
        double total() {
            return statuses + episodes + audit;
        }
    }

    /**
     * The rows a first import writes (a status and an episode per row of the list, an audit row for each person
     * previewed and each written), written by plain {@code INSERT … SELECT} from the list's persons already in the
     * database: no file, no validation, no diff, no application. Into Lots' own tables (constraints, triggers,
     * indexes) in a transaction that is rolled back, or, with other table names, into copies of them that have
     * their indexes but no foreign key and no trigger. What no import can go below.
     */
    static Floor floor(DataSource owner, Actor coordinator, int rows, String statusTable,
            String episodeTable, String auditTable) throws Exception {
        boolean copies = !statusTable.equals("kaa_status");
        try (Connection connection = owner.getConnection()) {
            var statement = connection.createStatement();
            if (copies) {
                statement.execute("CREATE TABLE " + statusTable + " (LIKE kaa_status INCLUDING DEFAULTS INCLUDING INDEXES)");
                statement.execute("CREATE TABLE " + episodeTable + " (LIKE kaa_episode INCLUDING DEFAULTS INCLUDING INDEXES)");
                statement.execute("CREATE TABLE " + auditTable + " (LIKE audit_entry INCLUDING DEFAULTS INCLUDING INDEXES)");
            }
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE kaa_bench_persons ON COMMIT DROP AS SELECT id FROM young_person"
                    + " WHERE owner_organisation_id = " + coordinator.organisationId() + " ORDER BY id LIMIT " + rows);
            String user = String.valueOf(coordinator.userId());
            String org = String.valueOf(coordinator.organisationId());
            long t0 = System.nanoTime();
            int written = statement.executeUpdate("INSERT INTO " + statusTable + " (person_id, organisation_id, status, ascertained_on,"
                    + " source, review_on, recorded_by) SELECT id, " + org + ", 'OKAND', current_date, 'SKOLANS_LISTA',"
                    + " current_date + 90, " + user + " FROM kaa_bench_persons");
            long t1 = System.nanoTime();
            written += statement.executeUpdate("INSERT INTO " + episodeTable + " (person_id, organisation_id, registered_on,"
                    + " registration_reason, school, school_municipality, programme, created_by, sort_name,"
                    + " twentieth_birthday, current_status, current_ascertained_on, current_review_on)"
                    + " SELECT y.id, " + org + ", current_date, 'AVBRUTIT_NATIONELLT_PROGRAM', 'Skolan', '"
                    + MUNICIPALITY + "', 'NA', " + user + ", y.last_name || E'\\t' || y.first_name,"
                    + " coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31)), 'OKAND', current_date, current_date + 90"
                    + " FROM kaa_bench_persons p JOIN young_person y ON y.id = p.id");
            long t2 = System.nanoTime();
            for (String action : List.of("READ", "UPDATE")) {
                written += statement.executeUpdate("INSERT INTO " + auditTable + (copies ? " (id, " : " (") + "username,"
                        + " organisation_id, role, person_id, action, purpose, detail, prev_hash, hash) SELECT "
                        + (copies ? "nextval('audit_entry_id_seq'), " : "") + "'kaa-benchmark', " + org
                        + ", 'KAA_COORDINATOR', id, '" + action + "', 'KAA', 'KAA-import: golv', '', ''"
                        + " FROM kaa_bench_persons");
            }
            long t3 = System.nanoTime();
            connection.rollback();
            connection.setAutoCommit(true);
            if (copies) {
                statement.execute("DROP TABLE " + statusTable + ", " + episodeTable + ", " + auditTable);
            } else {
                statement.execute("VACUUM ANALYZE kaa_status, kaa_episode, audit_entry");
            }
            return new Floor((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, written);
        }
    }

    /** COPY of the file, header skipped, into a new table of text columns, committed: the yardstick. */
    private static double copy(DataSource owner, byte[] content, String table) throws Exception {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            var columns = new ArrayList<String>();
            for (int i = 0; i < KaaListFile.HEADER.split(";").length; i++) {
                columns.add("c" + i + " text");
            }
            connection.createStatement().execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
            connection.commit();
            long t0 = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                    + " FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)",
                    new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
            connection.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private Actor coordinator() {
        var organisations = app.getBean(OrganisationService.class);
        var org = organisations.create(new NewOrganisation("Göteborgs Stad (benchmark)", PartyType.KOMMUN,
                MUNICIPALITY, "14", List.of()));
        organisations.createUser(new NewUser("kaa-benchmark", "benchmark-losenord-1", "Bo Benchmark",
                Role.KAA_COORDINATOR, org.id(), null));
        return app.getBean(CurrentActor.class).byUsername("kaa-benchmark");
    }

    private static List<String> unusedKaaAgeNumbers(JdbcClient sql) {
        LocalDate today = LocalDate.now();
        var taken = new java.util.HashSet<>(sql.sql("SELECT personal_identity_number FROM young_person"
                + " WHERE personal_identity_number IS NOT NULL").query(String.class).list());
        return PersonGenerator.youngTestNumbers(today, 1).stream().filter(n -> !taken.contains(n))
                .filter(n -> inKaaAge(n, today)).sorted().toList();
    }

    /** Aged 16 to 19 today (not close to 20, so that the list's new persons are all in the target group). */
    private static boolean inKaaAge(String number, LocalDate today) {
        var born = new se.lots.registry.PersonalIdentityNumber(number).latestPossibleBirthDate();
        return born.isAfter(today.minusYears(19)) && !born.isAfter(today.minusYears(16));
    }

    private void row(String step, double seconds, double copy) {
        line("| %s | %.2f | %.1f |", step, seconds, seconds / copy);
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
