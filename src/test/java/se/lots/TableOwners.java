package se.lots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table, view and function, read from the migrations themselves: a migration's description
 * starts with its module's name (V14__plan_…), and what it creates belongs to that module. A view whose comment
 * begins "Published read view" is the owner's published read model, which other modules may read.
 */
final class TableOwners {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path MAIN_JAVA = Path.of("src/main/java/se/lots");

    // Two early migrations named their table instead of their module; their names are history Flyway checks.
    private static final Map<String, String> MODULE_OF_PREFIX = Map.of("provider", "intervention",
            "municipality", "reference");

    private static final Pattern MIGRATION = Pattern.compile("[VR](?:[0-9_]*)__([a-z]+)_.*\\.sql");
    private static final Pattern CREATED = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(table|view|function)\\s+(?:if\\s+not\\s+exists\\s+)?"
                    + "([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLISHED = Pattern.compile(
            "\\bcomment\\s+on\\s+view\\s+([a-z_][a-z0-9_]*)\\s+is\\s+'Published read view", Pattern.CASE_INSENSITIVE);

    final Map<String, String> ownerOfTable = new TreeMap<>();
    final Map<String, String> ownerOfView = new TreeMap<>();
    final Map<String, String> ownerOfFunction = new TreeMap<>();
    final Set<String> publishedViews = new TreeSet<>();
    final Set<String> modules;

    private TableOwners(Set<String> modules) {
        this.modules = modules;
    }

    static TableOwners fromMigrations() {
        try (Stream<Path> dirs = Files.list(MAIN_JAVA); Stream<Path> files = Files.list(MIGRATIONS)) {
            Set<String> modules = new TreeSet<>(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .toList());
            TableOwners owners = new TableOwners(modules);
            files.map(Path::getFileName).sorted(TableOwners::inMigrationOrder).forEach(owners::read);
            return owners;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module a migration belongs to, from its description's first word. */
    String moduleOf(Path migration) {
        Matcher m = MIGRATION.matcher(migration.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        String module = MODULE_OF_PREFIX.getOrDefault(m.group(1), m.group(1));
        if (!modules.contains(module)) {
            throw new IllegalStateException(migration + ": the description must start with a module's name, one of "
                    + modules);
        }
        return module;
    }

    /** The owner of a table or view, or null when the name is neither. */
    String ownerOf(String name) {
        String table = ownerOfTable.get(name);
        return table != null ? table : ownerOfView.get(name);
    }

    boolean mayRead(String module, String name) {
        String owner = ownerOf(name);
        return owner == null || owner.equals(module) || publishedViews.contains(name);
    }

    static String sqlOf(Path file) {
        try {
            // comments say "reads plan's enrolment" and that is allowed; only statements count
            return Files.readString(file).replaceAll("--[^\\n]*", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Path file) {
        String module = moduleOf(file);
        if (module == null) {
            return; // afterMigrate.sql and other callbacks belong to no module
        }
        String sql = sqlOf(MIGRATIONS.resolve(file));
        Matcher created = CREATED.matcher(sql);
        while (created.find()) {
            String name = created.group(2).toLowerCase();
            Map<String, String> owners = switch (created.group(1).toLowerCase()) {
                case "table" -> ownerOfTable;
                case "view" -> ownerOfView;
                default -> ownerOfFunction;
            };
            owners.put(name, module);
        }
        Matcher published = PUBLISHED.matcher(sql);
        while (published.find()) {
            publishedViews.add(published.group(1).toLowerCase());
        }
    }

    private static int inMigrationOrder(Path a, Path b) {
        return Double.compare(order(a), order(b));
    }

    private static double order(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("R__")) {
            return Double.MAX_VALUE; // repeatable migrations run after every versioned one
        }
        Matcher m = Pattern.compile("V([0-9]+)(?:_([0-9]+))?__.*").matcher(name);
        return m.matches() ? Double.parseDouble(m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)))
                : Double.MAX_VALUE;
    }
}
