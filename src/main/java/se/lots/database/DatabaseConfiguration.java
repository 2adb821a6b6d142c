package se.lots.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two data sources: Flyway migrates as the schema owner, the application works as a role that may
 * only append to the audit log (see afterMigrate.sql).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(DatabaseSettings settings) {
        return flyway -> flyway.placeholders(Map.of("appRole", appRole(settings)));
    }

    private static String appRole(DatabaseSettings settings) {
        return settings.external() && settings.user() != null && !settings.user().isBlank()
                && "lots_app".equals(settings.appRole()) ? settings.user() : settings.appRole();
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedDatabaseCondition.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(DatabaseSettings settings) throws IOException {
            Path directory = settings.ephemeral() ? Files.createTempDirectory("lots-pg")
                    : settings.dataDirectory().toAbsolutePath();
            Files.createDirectories(directory);
            OrphanedPostmaster.stopIfRunning(directory);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // initdb fails when LANG names a locale that is not installed
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("max_connections", "100");
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            // zonky's defaults are for tests; Lots' own data must survive a crash
            String durable = settings.durable() ? "on" : "off";
            builder.setServerConfig("fsync", durable).setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable);
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), directory);
            return postgres;
        }

        @Bean(destroyMethod = "close")
        @FlywayDataSource
        HikariDataSource ownerDataSource(EmbeddedPostgres postgres) {
            return pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 4, "lots-owner", null);
        }

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseSettings settings) throws SQLException {
            String role = settings.appRole();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("""
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s LOGIN;
                          END IF;
                        END $$""".formatted(role, role));
            }
            return pool(postgres.getJdbcUrl(role, "postgres"), role, "", 20, "lots", CUSTOM_PLANS);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(ExternalDatabaseCondition.class)
    static class External {

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource dataSource(DatabaseSettings settings) {
            return pool(settings.url(), settings.user(), settings.password(), 20, "lots", CUSTOM_PLANS);
        }
    }

    /**
     * The driver prepares a statement on the server from its fifth use; PostgreSQL may then plan it once for all
     * values, and a generic plan for a name search ignores how selective the LIKE pattern is (docs/benchmarks.md).
     */
    private static final String CUSTOM_PLANS = "SET plan_cache_mode = force_custom_plan";

    static HikariDataSource pool(String url, String user, String password, int size, String name, String initSql) {
        var config = new HikariConfig();
        config.setConnectionInitSql(initSql);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
