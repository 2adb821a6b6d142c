package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.register.KaaService;
import se.lots.kaa.register.Worklist;

/**
 * The KAA benchmarks' generators and the work they time, at smoke size and checked for correctness instead of
 * timed: a generated register whose worklist figures agree with its history, and a list built from the registry that
 * imports completely and a second time changes nothing; and the 100 000-row list at full size, with three
 * broken rows, to show that exactly those are named and nothing is saved (about 15 s). Each in a municipality of its
 * own.
 */
@IntegrationTest
class KaaBenchmarksSmokeIntegrationTest {

    private static final Locale SV = Locale.forLanguageTag("sv");

    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaImportService imports;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeneratedRegistersWorklistFiguresAgreeWithItsStatusHistoryAndContactLog() {
        var coordinator = fixture.newMunicipality();
        new PersonGenerator(dataSource, 77, LocalDate.now()).aged(16, 19).generate(400,
                List.of(new PersonGenerator.Holder(coordinator.organisationId().value(), 1.0, List.of("1260"))),
                List.of());

        var generated = new KaaRegisterGenerator(owner).generate(coordinator.organisationId().value(), 300,
                LocalDate.now(), 0.5);

        assertThat(generated.episodes()).isEqualTo(300);
        assertThat(generated.statuses()).isBetween(300, 900);
        assertThat(kaa.overview(coordinator).open()).isEqualTo(300);
        assertThat(kaa.worklist(coordinator, Worklist.Filter.ALL, Worklist.Sort.NAME, 0).rows()).hasSize(50);
        // the triggers' figures on the episode against the history they come from, for every episode
        assertThat(jdbc.sql("""
                SELECT count(*) FROM kaa_episode e
                  LEFT JOIN LATERAL (SELECT st.status, st.review_on FROM kaa_status st
                                      WHERE st.organisation_id = e.organisation_id AND st.person_id = e.person_id
                                      ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
                  CROSS JOIN LATERAL (SELECT count(*) AS n, coalesce(bool_or(c.outcome = 'NADD'), false) AS reached,
                                             max(c.contacted_on) AS last FROM contact_attempt c
                                       WHERE c.organisation_id = e.organisation_id AND c.person_id = e.person_id) a
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL
                   AND (e.current_status IS DISTINCT FROM s.status OR e.current_review_on IS DISTINCT FROM s.review_on
                        OR e.attempts <> a.n OR e.reached <> a.reached OR e.last_attempt_on IS DISTINCT FROM a.last)""")
                .param(coordinator.organisationId().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aListBuiltFromTheRegistryImportsEveryRowAndTheSameListAgainChangesNothing() {
        var coordinator = fixture.newMunicipality();
        new PersonGenerator(dataSource, 78, LocalDate.now()).aged(16, 19).generate(330,
                List.of(new PersonGenerator.Holder(coordinator.organisationId().value(), 1.0, List.of("1260"))),
                List.of());
        var list = KaaListFile.build(jdbc, coordinator.organisationId().value(), "1260", 300, List.of(), 79);

        var preview = imports.upload(coordinator, "lista.csv", list.content(), SV);

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.added()).hasSize(300);
        imports.confirm(coordinator, preview.importId(), preview.digest(), Map.of(), SV);
        assertThat(kaa.overview(coordinator).open()).isEqualTo(300);
        var again = imports.upload(coordinator, "lista.csv", list.content(), SV);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.unchanged()).isEqualTo(300);
    }

    @Test
    void theImportBenchmarksFloorWritesTheRowsOfAFirstImportAndLeavesNothingBehind() throws Exception {
        var coordinator = fixture.newMunicipality();
        new PersonGenerator(dataSource, 82, LocalDate.now()).aged(16, 19).generate(120,
                List.of(new PersonGenerator.Holder(coordinator.organisationId().value(), 1.0, List.of("1260"))),
                List.of());

        var floor = KaaImportBenchmark.floor(owner, coordinator, 100, "kaa_status", "kaa_episode", "audit_entry");
        var copies = KaaImportBenchmark.floor(owner, coordinator, 100, "kaa_bench_status", "kaa_bench_episode",
                "kaa_bench_audit");

        // a status, an episode and two audit rows per person, in Lots' tables and in the copies
        assertThat(floor.rowsWritten()).isEqualTo(400);
        assertThat(copies.rowsWritten()).isEqualTo(400);
        assertThat(floor.total()).isPositive();
        // rolled back, the copies dropped: the register and the audit log are as before
        long org = coordinator.organisationId().value();
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_status WHERE organisation_id = ?").param(org)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?").param(org)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE organisation_id = ? AND detail = 'KAA-import: golv'")
                .param(org).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT to_regclass('kaa_bench_status') IS NULL").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aListOfAHundredThousandRowsWithThreeBrokenOnesNamesExactlyThoseAndSavesNothing() {
        var coordinator = fixture.newMunicipality();
        new PersonGenerator(dataSource, 80, LocalDate.now()).aged(16, 19).generate(102_000,
                List.of(new PersonGenerator.Holder(coordinator.organisationId().value(), 1.0, List.of("1260"))),
                List.of());
        var built = KaaListFile.build(jdbc, coordinator.organisationId().value(), "1260", 100_000, List.of(), 81);
        var lines = new java.util.ArrayList<>(List.of(new String(built.content(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")));
        String good = fixture.kaaAgeNumber();
        String wrongChecksum = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        // row 2 (the first after the header), row 50 001 and the last row, 100 001, as Excel numbers them
        lines.set(1, lines.get(1).replaceFirst("^[^;]+", wrongChecksum));
        lines.set(50_000, lines.get(50_000).replaceFirst("^([^;]+);[^;]*;", "$1;;"));
        lines.set(100_000, lines.get(100_000).replaceFirst("^[^;]+", lines.get(3).split(";")[0]));
        byte[] file = (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var preview = imports.upload(coordinator, "hela-landet.csv", file, SV);

        assertThat(preview.rowCount()).isEqualTo(100_000);
        assertThat(preview.errors()).extracting(e -> e.row() + " " + e.column() + ": " + e.message()).containsExactly(
                "2 personnummer: Personnumrets kontrollsiffra stämmer inte.",
                "50001 förnamn: Fältet måste fyllas i.",
                "100001 personnummer: Samma personnummer som på rad 4.");
        assertThat(preview.canConfirm()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ?")
                .param(coordinator.organisationId().value()).query(Long.class).single()).as("nothing saved").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_status WHERE organisation_id = ?")
                .param(coordinator.organisationId().value()).query(Long.class).single()).isZero();
    }
}
