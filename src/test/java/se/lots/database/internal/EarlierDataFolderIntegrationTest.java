package se.lots.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder as Lots left it before the lock-down (trust, every migration run by the superuser), started by
 * this Lots. Its own server, not the application's: the folder must be made the old way first.
 */
class EarlierDataFolderIntegrationTest {

    @TempDir
    Path directory;

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", "lots_app")).load().migrate();
    }

    @Test
    void anEarlierTrustFolderGetsPasswordsAndAnOwnerRoleKeepsItsDataAndMigratesAsTheOwner() throws Exception {
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).setLocaleConfig("locale", "C").start()) {
            var superuser = JdbcClient.create(earlier.getPostgresDatabase());
            superuser.sql("CREATE ROLE lots_app LOGIN").update();
            migrate(earlier.getPostgresDatabase());
            superuser.sql("INSERT INTO county (code, name, short_name) VALUES ('99', 'Testlän', 'Test')").update();
        }
        assertThat(directory.resolve(DatabasePasswords.FILE)).doesNotExist();

        try (var server = EmbeddedServer.start(directory, false, false, 0, "lots_app");
                var owner = DatabaseConfiguration.pool(server.jdbcUrl(), EmbeddedServer.OWNER,
                        server.passwords().owner(), 4, "earlier-owner", null);
                var app = DatabaseConfiguration.pool(server.jdbcUrl(), "lots_app", server.passwords().app(), 1,
                        "earlier-app", null)) {
            assertThat(Files.getPosixFilePermissions(directory.resolve(DatabasePasswords.FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "lots_app", "").close())
                    .isInstanceOf(SQLException.class);
            var sql = JdbcClient.create(owner);
            assertThat(sql.sql("SELECT name FROM county WHERE code = '99'").query(String.class).single())
                    .isEqualTo("Testlän");
            assertThat(sql.sql("""
                    SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class
                    WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S')""")
                    .query(String.class).list()).containsExactly(EmbeddedServer.OWNER);
            assertThat(sql.sql("""
                    SELECT DISTINCT pg_get_userbyid(proowner) FROM pg_proc p
                    WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')""")
                    .query(String.class).list()).containsExactly(EmbeddedServer.OWNER);

            // afterMigrate.sql runs again, now as the owner; the application role is let through
            migrate(owner);
            ApplicationRoleCheck.refuseIfPrivileged(app);
            assertThat(JdbcClient.create(app).sql("SELECT count(*) FROM county WHERE code = '99'")
                    .query(Long.class).single()).isEqualTo(1);
        }

        // the next start logs in with the passwords it kept
        try (var again = EmbeddedServer.start(directory, false, false, 0, "lots_app");
                var app = DatabaseConfiguration.pool(again.jdbcUrl(), "lots_app", again.passwords().app(), 1,
                        "earlier-app-again", null)) {
            assertThat(JdbcClient.create(app).sql("SELECT current_user").query(String.class).single())
                    .isEqualTo("lots_app");
        }
    }

    @Test
    void theApplicationRoleMayNotBeTheSuperuserOrTheOwner() {
        for (String role : new String[] {"postgres", EmbeddedServer.OWNER}) {
            assertThatThrownBy(() -> EmbeddedServer.start(directory, true, false, 0, role))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("lots.db.app-role");
        }
        assertThat(directory).isEmptyDirectory();
    }
}
