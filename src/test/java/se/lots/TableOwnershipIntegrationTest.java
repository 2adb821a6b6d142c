package se.lots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the migrations have left in the database keeps to the table ownership too: no module's trigger sits on another
 * module's table, no view or function reads another module's table (a published read view excepted). Owners come
 * from the migrations' module prefixes ({@link TableOwners}).
 */
@IntegrationTest
class TableOwnershipIntegrationTest {

    private static final TableOwners OWNERS = TableOwners.fromMigrations();
    private static final Pattern TABLE_NAMED = Pattern.compile(
            "\\b(?:from|join|into|update|table|truncate)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcClient jdbc;

    /**
     * The follow-up read model was kept by progression's triggers on plan's and the registry's tables until issue 21;
     * it follows their events now (ADR 0003), and this keeps any such crossing from coming back.
     */
    @Test
    void noModuleKeepsATriggerOnAnotherModulesTableOrReadsOneInAViewOrFunction() {
        assertThat(crossings()).as("use the owner's event or published read view instead").isEmpty();
    }

    private Set<String> crossings() {
        Set<String> crossings = new TreeSet<>();
        jdbc.sql("""
                SELECT c.relname AS table_name, p.proname AS function_name, t.tgname AS trigger_name
                  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
                 WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace""").query(rs -> {
            String table = rs.getString("table_name");
            String function = rs.getString("function_name");
            String owner = OWNERS.ownerOfFunction.get(function);
            if (owner != null && !owner.equals(OWNERS.ownerOf(table))) {
                crossings.add(owner + " triggers " + rs.getString("trigger_name") + " on " + OWNERS.ownerOf(table)
                        + "." + table);
            }
        });
        jdbc.sql("""
                SELECT DISTINCT v.relname AS view_name, t.relname AS table_name
                  FROM pg_class v JOIN pg_rewrite r ON r.ev_class = v.oid
                  JOIN pg_depend d ON d.objid = r.oid AND d.classid = 'pg_rewrite'::regclass
                                  AND d.refclassid = 'pg_class'::regclass
                  JOIN pg_class t ON t.oid = d.refobjid
                 WHERE v.relkind IN ('v', 'm') AND v.relnamespace = 'public'::regnamespace AND t.oid <> v.oid""")
                .query(rs -> {
                    String view = rs.getString("view_name");
                    String owner = OWNERS.ownerOf(view);
                    String table = rs.getString("table_name");
                    if (owner != null && !OWNERS.mayRead(owner, table)) {
                        crossings.add(owner + " view " + view + " reads " + OWNERS.ownerOf(table) + "." + table);
                    }
                });
        jdbc.sql("""
                SELECT p.proname AS function_name, p.prosrc AS source
                  FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')""")
                .query(rs -> {
                    String function = rs.getString("function_name");
                    String owner = OWNERS.ownerOfFunction.get(function);
                    Matcher named = TABLE_NAMED.matcher(rs.getString("source").replaceAll("--[^\\n]*", " "));
                    while (owner != null && named.find()) {
                        String table = named.group(1).toLowerCase();
                        if (!OWNERS.mayRead(owner, table)) {
                            crossings.add(owner + " function " + function + " reads " + OWNERS.ownerOf(table) + "."
                                    + table);
                        }
                    }
                });
        return crossings;
    }
}
