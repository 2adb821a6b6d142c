package se.lots.database.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The role Lots works as may change the audit log only by appending to it, and that holds only while it is neither
 * a superuser nor the owner of a table or a schema (an owner can disable the append-only trigger, drop the table or
 * grant itself back what afterMigrate.sql revoked). Checked at every start, embedded or external: Lots does not
 * start otherwise.
 */
final class ApplicationRoleCheck {

    private ApplicationRoleCheck() {
    }

    static void refuseIfPrivileged(DataSource dataSource) {
        var sql = JdbcClient.create(dataSource);
        String role = sql.sql("SELECT current_user").query(String.class).single();
        String problem;
        if (sql.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()) {
            problem = "is a superuser (or bypasses row-level security)";
        } else {
            // MEMBER: a role that may SET ROLE to the owner is as good as the owner
            String owned = sql.sql("""
                    SELECT string_agg(name, ', ' ORDER BY name) FROM (
                      SELECT 'schema ' || n.nspname AS name FROM pg_namespace n
                      WHERE pg_has_role(current_user, n.nspowner, 'MEMBER')
                        AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                      UNION ALL
                      SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE pg_has_role(current_user, c.relowner, 'MEMBER') AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                        AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                      LIMIT 20) owned""").query(String.class).optional().orElse(null);
            problem = owned == null ? null : "owns (or may act as the owner of) " + owned;
        }
        if (problem != null) {
            throw new IllegalStateException("Lots does not start: the database role " + role + " that the "
                    + "application works as " + problem + ". Let the migrations run as a separate owner role and the "
                    + "application as a role that owns nothing (docs/operations.md, External PostgreSQL).");
        }
    }
}
