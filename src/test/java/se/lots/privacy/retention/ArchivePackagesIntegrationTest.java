package se.lots.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.OrganisationId;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import se.lots.security.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive package with the real KAA register: what the eraser's {@code archiveDue} writes lands in the configured
 * archive folder, one line per row it would remove (the dry run's count, table by table), and the package's
 * description of the tables is the database's own.
 */
@IntegrationTest
class ArchivePackagesIntegrationTest {

    static final RetentionRule EVERY_CLOSED_EPISODE = new RetentionRule("kaa", "EPISODE", 0,
            RetentionEvent.EPISODE_CLOSED, "Skollagen (2010:800) 29 kap. 9 § (test)", true);

    @Autowired
    ArchivePackages packages;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void holdsExactlyWhatTheKaaRegisterWouldRemoveWithTheTablesColumnsFromTheDatabase() throws Exception {
        PersonalDataEraser kaa = erasers.stream().filter(e -> e.register().equals("kaa")).findFirst().orElseThrow();
        // a municipality of its own whose two young people left the register in 2023 and 2024; a rule of 0 months
        // far ahead makes both due
        Actor coordinator = fixture.newMunicipality();
        OrganisationId organisation = coordinator.organisationId();
        var builder = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] persons = builder.person("Ada", "kvinna").person("Bo", "man").build();
        builder.registeredOn(persons[0], LocalDate.of(2023, 2, 1));
        builder.exited(persons[0], LocalDate.of(2023, 12, 31), ExitReason.FLYTTAT);
        builder.registeredOn(persons[1], LocalDate.of(2024, 2, 1));
        builder.exited(persons[1], LocalDate.of(2024, 6, 1), ExitReason.PABORJAT_NATIONELLT_PROGRAM);
        LocalDate day = LocalDate.of(2100, 1, 1);
        RetentionCount due = kaa.countDue(organisation, EVERY_CLOSED_EPISODE, day);
        assertThat(due.persons()).isEqualTo(2);

        UUID run = UUID.randomUUID();
        Path path = transactions.execute(status -> {
            try (ArchivePackage pkg = packages.open(run, "Demokommun", organisation, day, "Test Godkännare")) {
                kaa.archiveDue(organisation, EVERY_CLOSED_EPISODE, day, pkg.sink(EVERY_CLOSED_EPISODE));
                return pkg.finish();
            }
        });
        try {
            assertThat(path.getParent()).as("the configured folder").isEqualTo(packages.directory());
            assertThat(packages.directory().toString()).contains("target/archive");
            String id = ArchivePackage.packageId(organisation, day, run) + "/";
            Map<String, byte[]> files = ArchivePackageTest.strip(ArchivePackageTest.read(path), id);

            for (var table : due.rowsByTable().entrySet()) {
                byte[] data = files.get("representations/rep1/data/kaa/" + table.getKey() + ".jsonl");
                if (table.getValue() == 0) {
                    assertThat(data).as(table.getKey()).isNull();
                    continue;
                }
                List<String> lines = ArchivePackageTest.lines(data);
                assertThat(lines).as(table.getKey()).hasSize(table.getValue().intValue());
                for (String line : lines) {
                    JsonNode row = JsonMapper.builder().build().readTree(line);
                    if (row.has("person_id")) {
                        assertThat(row.get("person_id").asString()).as(table.getKey())
                                .isIn(persons[0].toString(), persons[1].toString());
                    }
                }
            }
            assertThat(files.keySet().stream().filter(f -> f.endsWith(".jsonl"))).as("no other data file")
                    .allMatch(f -> due.rowsByTable().getOrDefault(
                            f.substring(f.lastIndexOf('/') + 1, f.length() - ".jsonl".length()), 0L) > 0);

            List<String> episodes = jdbc.sql("""
                    SELECT row_to_json(t)::text FROM kaa_episode t WHERE organisation_id = ? AND person_id IN (?, ?)""")
                    .params(organisation.value(), persons[0], persons[1]).query(String.class).list();
            assertThat(ArchivePackageTest.lines(files.get("representations/rep1/data/kaa/kaa_episode.jsonl")))
                    .as("the rows as the database gives them").containsExactlyInAnyOrderElementsOf(episodes);

            ArchivePackageTest.validate(files.get("METS.xml"));
            ArchivePackageTest.validate(files.get("representations/rep1/METS.xml"));
            ArchivePackageTest.checkReferences(ArchivePackageTest.parse(files.get("METS.xml")), "", files);
            ArchivePackageTest.checkReferences(ArchivePackageTest.parse(files.get("representations/rep1/METS.xml")),
                    "representations/rep1/", files);

            JsonNode tables = JsonMapper.builder().build().readTree(files.get("documentation/tables.json"))
                    .get("tables");
            JsonNode episode = null;
            for (JsonNode table : tables) {
                if (table.get("table").asString().equals("kaa_episode")) {
                    episode = table;
                }
            }
            assertThat(episode).isNotNull();
            List<String> columns = jdbc.sql("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'kaa_episode' ORDER BY ordinal_position""")
                    .query(String.class).list();
            assertThat(episode.get("columns").valueStream().map(c -> c.get("name").asString()).toList())
                    .isEqualTo(columns);
            for (JsonNode column : episode.get("columns")) {
                if (column.get("name").asString().equals("exited_on")) {
                    assertThat(column.get("type").asString()).isEqualTo("date");
                    assertThat(column.get("nullable").asBoolean()).isTrue();
                }
                if (column.get("name").asString().equals("person_id")) {
                    assertThat(column.get("nullable").asBoolean()).isFalse();
                }
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
