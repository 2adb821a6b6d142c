package se.lots.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a transaction that writes thousands of rows (a school's list, a file of school signals). The application's
 * connections plan every statement for its values ({@link se.lots.database.internal.DatabaseConfiguration}'s
 * {@code force_custom_plan}, for the name search), and that reaches the statements PostgreSQL runs for each row
 * written: every foreign-key check and every statement in a trigger was planned again, row by row, and took half
 * the time of an import's inserts (docs/benchmarks.md). Here PostgreSQL keeps those plans, for the rest of this transaction only.
 */
@Component
public class BulkWrite {

    private final JdbcClient jdbc;

    BulkWrite(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called inside the transaction that writes; ends with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void begin() {
        jdbc.sql("SET LOCAL plan_cache_mode = auto").update();
    }
}
