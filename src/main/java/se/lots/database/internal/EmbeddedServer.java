package se.lots.database.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, locked down: every role logs in with a password (scram-sha-256) over TCP on 127.0.0.1
 * only, migrations run as {@value #OWNER} (owns the schema, no superuser), the application as its own role. zonky
 * runs initdb with {@code -A trust}; its locale options are passed to initdb after that, so {@code --auth} and
 * {@code --pwfile} there replace it and a new folder is never open without a password. A folder from an earlier
 * Lots (trust, no password file) is locked down in place at its first start with this version.
 */
public final class EmbeddedServer implements Closeable {

    static final String OWNER = "lots_owner";
    static final String DATABASE = "postgres";

    // written at every start: the server never reads a hand-edited or an earlier Lots' rules
    static final String HBA = """
            # Written by Lots at every start (docs/security.md): a password (scram-sha-256) for every role,
            # over TCP on 127.0.0.1 only; the server has no Unix socket.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;
    private final Path directory;
    private final String appRole;

    private EmbeddedServer(EmbeddedPostgres postgres, DatabasePasswords passwords, Path directory, String appRole) {
        this.postgres = postgres;
        this.passwords = passwords;
        this.directory = directory;
        this.appRole = appRole;
    }

    static EmbeddedServer start(Path directory, boolean clean, boolean durable, int port, String appRole)
            throws IOException {
        if (appRole.equals("postgres") || appRole.equals(OWNER)) {
            // the lock-down would take the role's privileges away, and the start check would refuse it anyway
            throw new IllegalStateException("lots.db.app-role may not be " + appRole
                    + ": the application works as a role of its own");
        }
        Files.createDirectories(directory);
        OrphanedPostmaster.stopIfRunning(directory);
        boolean initialise = clean || !Files.exists(directory.resolve("postgresql.conf"));
        var kept = initialise ? java.util.Optional.<DatabasePasswords>empty() : DatabasePasswords.read(directory);
        DatabasePasswords passwords = kept.orElseGet(DatabasePasswords::generate);
        if (kept.isEmpty() && !initialise) {
            log.warn("The embedded PostgreSQL in {} accepts connections without a password (an earlier Lots): "
                    + "its roles get passwords and the server scram-sha-256 now", directory);
            // before the roles get the passwords: a start that stops half-way can still log in next time
            passwords.write(directory);
        }
        // zonky's defaults are for tests; Lots' own data must survive a crash
        String durability = durable ? "on" : "off";
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(clean)
                .setPGStartupWait(Duration.ofSeconds(60))
                // initdb fails when LANG names a locale that is not installed
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability)
                // zonky's own readiness check logs in as the superuser
                .setConnectConfig("password", passwords.superuser());
        if (port > 0) {
            builder.setPort(port);
        }
        Path initdbPassword = null;
        EmbeddedPostgres postgres;
        try {
            if (initialise) {
                initdbPassword = passwords.superuserPasswordFile();
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
            }
            postgres = builder.start();
        } finally {
            if (initdbPassword != null) {
                Files.deleteIfExists(initdbPassword);
            }
        }
        var server = new EmbeddedServer(postgres, passwords, directory, appRole);
        try {
            if (initialise) {
                passwords.write(directory);
            }
            server.lockDown();
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e instanceof IOException io ? io : new IOException("Could not lock down the embedded PostgreSQL", e);
        }
        log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
        return server;
    }

    /** Idempotent: run at every start, so a start that stopped half-way is finished by the next one. */
    private void lockDown() throws SQLException, IOException {
        try (Connection connection = superuser().getConnection(); Statement sql = connection.createStatement()) {
            for (String role : new String[] {OWNER, appRole}) {
                sql.execute("""
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s LOGIN;
                          END IF;
                        END $$""".formatted(role));
                sql.execute("ALTER ROLE " + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            }
            // hashed by the driver: the passwords themselves never reach the server or its log
            var pg = connection.unwrap(PGConnection.class);
            pg.alterUserPassword("postgres", passwords.superuser().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(OWNER, passwords.owner().toCharArray(), "scram-sha-256");
            pg.alterUserPassword(appRole, passwords.app().toCharArray(), "scram-sha-256");
            // CREATE on the database for pg_trgm (a trusted extension); pg_checkpoint for the benchmarks
            sql.execute("GRANT CREATE ON DATABASE " + DATABASE + " TO " + OWNER);
            sql.execute("GRANT pg_checkpoint TO " + OWNER);
            sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            // an earlier Lots migrated as the superuser: its tables, views, sequences and functions change hands
            // (a sequence of a serial or identity column follows its table, an extension's objects stay)
            sql.execute("""
                    DO $$
                    DECLARE o record;
                    BEGIN
                      FOR o IN
                        SELECT c.oid::regclass AS name FROM pg_class c
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> '%1$s'::regrole
                          AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                          AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
                      LOOP
                        EXECUTE format('ALTER TABLE %%s OWNER TO %1$s', o.name);
                      END LOOP;
                      FOR o IN
                        SELECT p.oid::regprocedure AS name FROM pg_proc p
                        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '%1$s'::regrole
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                          AND d.objid = p.oid AND d.deptype = 'e')
                      LOOP
                        EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', o.name);
                      END LOOP;
                    END $$""".formatted(OWNER));
            Path hba = directory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                sql.execute("SELECT pg_reload_conf()");
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    Path dataDirectory() {
        return directory;
    }

    DatabasePasswords passwords() {
        return passwords;
    }

    /** For the benchmarks' experiments and the start's own lock-down; Lots itself never works as the superuser. */
    public DataSource superuser() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
