package se.lots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables (docs/architecture.md, "Who owns which table"): another module reads them through the
 * owner's API, an event it publishes, or a published read view — never by naming the table in its SQL. This test
 * reads the SQL in every module's Java code; {@code TableOwnershipIntegrationTest} reads the database's triggers,
 * views and functions.
 */
class TableOwnershipTest {

    private static final TableOwners OWNERS = TableOwners.fromMigrations();

    // SQL literals: text blocks and ordinary strings
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern TABLE_NAMED = Pattern.compile(
            "\\b(?:from|join|into|update|table|truncate)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() {
        assertThat(readsOfOthersTables()).as("read it through the owner's API, event or published view instead")
                .isEmpty();
    }

    @Test
    void everyMigrationBelongsToAModuleAndEveryTableToOne() {
        assertThat(OWNERS.ownerOfTable).containsEntry("young_person", "registry").containsEntry("enrolment", "plan")
                .containsEntry("kaa_episode", "kaa").containsEntry("provider_version", "intervention");
        assertThat(OWNERS.publishedViews).contains("registry_person", "organisation_staff", "plan_enrolment");
    }

    @Test
    void theScanFindsAReadOfAnotherModulesTable() {
        assertThat(readsIn("kaa", "X.java", "\"\"\"\n SELECT y.first_name FROM kaa_episode e\n"
                + "   JOIN young_person y ON y.id = e.person_id\"\"\"")).containsExactly(
                        "kaa reads registry.young_person in X.java");
        assertThat(readsIn("kaa", "X.java", "\"SELECT first_name FROM registry_person WHERE id = ?\"")).isEmpty();
        assertThat(readsIn("registry", "X.java", "\"UPDATE young_person SET version = version + 1\"")).isEmpty();
    }

    static Set<String> readsOfOthersTables() {
        Set<String> reads = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TableOwners.MAIN_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = TableOwners.MAIN_JAVA.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // LotsApplication
                }
                reads.addAll(readsIn(relative.getName(0).toString(), file.getFileName().toString(),
                        Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reads;
    }

    private static List<String> readsIn(String module, String fileName, String source) {
        StringBuilder literals = new StringBuilder();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            literals.append(block.group(1)).append('\n');
        }
        Matcher string = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(" "));
        while (string.find()) {
            literals.append(string.group(1)).append(' ');
        }
        Matcher named = TABLE_NAMED.matcher(literals);
        Set<String> reads = new TreeSet<>();
        while (named.find()) {
            String name = named.group(1).toLowerCase();
            if (!OWNERS.mayRead(module, name)) {
                reads.add(module + " reads " + OWNERS.ownerOf(name) + "." + name + " in " + fileName);
            }
        }
        return List.copyOf(reads);
    }

    static Map<String, String> owners() {
        return OWNERS.ownerOfTable;
    }
}
