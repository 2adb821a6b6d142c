package se.lots.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two data sources: Flyway migrates as the schema owner, the application works as a role that may
 * only append to the audit log (see afterMigrate.sql) and is checked for that at every start.
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

    /** After the migrations (every singleton is made by then): the start fails when the check does. */
    @Bean
    SmartInitializingSingleton applicationRoleCheck(DataSource dataSource) {
        return () -> {
            try {
                ApplicationRoleCheck.refuseIfPrivileged(dataSource);
            } catch (IllegalStateException e) {
                log.error(e.getMessage());
                throw e;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedDatabaseCondition.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedServer embeddedServer(DatabaseSettings settings) throws IOException {
            Path directory = settings.ephemeral() ? Files.createTempDirectory("lots-pg")
                    : settings.dataDirectory().toAbsolutePath();
            return EmbeddedServer.start(directory, settings.ephemeral(), settings.durable(), settings.port(),
                    settings.appRole());
        }

        @Bean(destroyMethod = "close")
        @FlywayDataSource
        HikariDataSource ownerDataSource(EmbeddedServer server) {
            return pool(server.jdbcUrl(), EmbeddedServer.OWNER, server.passwords().owner(), 4, "lots-owner", null);
        }

        @Bean(destroyMethod = "close")
        @Primary
        HikariDataSource dataSource(EmbeddedServer server, DatabaseSettings settings) {
            return pool(server.jdbcUrl(), settings.appRole(), server.passwords().app(), 20, "lots", CUSTOM_PLANS);
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
