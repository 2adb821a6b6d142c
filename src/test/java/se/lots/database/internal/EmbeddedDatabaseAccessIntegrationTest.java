package se.lots.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;

@IntegrationTest
class EmbeddedDatabaseAccessIntegrationTest {

    @Autowired
    @Qualifier("dataSource")
    HikariDataSource app;
    @Autowired
    @Qualifier("ownerDataSource")
    HikariDataSource owner;
    @Autowired
    EmbeddedServer server;

    private String serverUrl() {
        // the application's own URL, without the user zonky puts in it
        return app.getJdbcUrl().replaceAll("\\?.*", "").replace("localhost", "127.0.0.1");
    }

    private void connect(String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        DriverManager.getConnection(serverUrl(), properties).close();
    }

    @Test
    void connectingOverTcpWithoutAPasswordIsRefusedForTheSuperuserTheOwnerAndTheApplicationRole() {
        for (String role : new String[] {"postgres", "lots_owner", "lots_app"}) {
            assertThatThrownBy(() -> connect(role, null)).as(role).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(role, "")).as(role).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(role, "postgres")).as(role).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndOwnsNothing() {
        var sql = JdbcClient.create(app);

        assertThat(sql.sql("SELECT current_user").query(String.class).single()).isEqualTo("lots_app");
        assertThat(sql.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                .single()).isFalse();
        assertThat(sql.sql("""
                SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE pg_has_role(current_user, c.relowner, 'MEMBER')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')""").query(Long.class).single())
                .isZero();
    }

    @Test
    void theMigrationsRanAsAnOwnerRoleThatIsNoSuperuserAndOwnsEveryTable() {
        var sql = JdbcClient.create(owner);

        assertThat(sql.sql("SELECT DISTINCT installed_by FROM flyway_schema_history").query(String.class).list())
                .containsExactly("lots_owner");
        assertThat(sql.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles "
                + "WHERE rolname = 'lots_owner'").query(Boolean.class).single()).isFalse();
        assertThat(sql.sql("""
                SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')""")
                .query(String.class).list()).containsExactly("lots_owner");
    }

    @Test
    void theServerListensOnTheLoopbackAddressOnlyAndHasNoUnixSocket() {
        var sql = JdbcClient.create(app);

        assertThat(sql.sql("SELECT current_setting('listen_addresses')").query(String.class).single())
                .isEqualTo("127.0.0.1");
        assertThat(JdbcClient.create(server.superuser()).sql("SELECT current_setting('unix_socket_directories')")
                .query(String.class).single()).isEmpty();
        assertThat(sql.sql("SELECT current_setting('password_encryption')").query(String.class).single())
                .isEqualTo("scram-sha-256");
    }

    @Test
    void thePasswordsAreKeptInTheDataFolderReadableByItsOwnerOnlyAndLetTheRolesIn() throws Exception {
        Path file = server.dataDirectory().resolve(DatabasePasswords.FILE);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        var kept = DatabasePasswords.read(server.dataDirectory()).orElseThrow();
        connect("postgres", kept.superuser());
        connect("lots_owner", kept.owner());
        connect("lots_app", kept.app());
        assertThatThrownBy(() -> connect("lots_app", kept.owner())).isInstanceOf(SQLException.class);
    }

    @Test
    void theStartCheckRefusesASuperuserAndATableOwnerAndLetsTheApplicationRoleThrough() {
        assertThatThrownBy(() -> ApplicationRoleCheck.refuseIfPrivileged(server.superuser()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role postgres").hasMessageContaining("is a superuser");
        assertThatThrownBy(() -> ApplicationRoleCheck.refuseIfPrivileged(owner))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("role lots_owner").hasMessageContaining("schema public")
                .hasMessageContaining("audit_entry");

        ApplicationRoleCheck.refuseIfPrivileged(app);
    }

    @Test
    void aRoleThatMayActAsTheOwnerIsRefusedToo() {
        var superuser = JdbcClient.create(server.superuser());
        superuser.sql("CREATE ROLE lots_test_member LOGIN PASSWORD 'lots-test-member' IN ROLE lots_owner").update();
        try (var member = DatabaseConfiguration.pool(server.jdbcUrl(), "lots_test_member", "lots-test-member", 1,
                "lots-test-member", null)) {
            assertThatThrownBy(() -> ApplicationRoleCheck.refuseIfPrivileged(member))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit_entry");
        } finally {
            superuser.sql("DROP ROLE lots_test_member").update();
        }
    }
}
