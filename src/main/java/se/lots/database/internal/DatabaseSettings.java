package se.lots.database.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lots.db.*}: an external PostgreSQL when {@code url} is set, otherwise the embedded one.
 *
 * @param url            JDBC URL of an external server ({@code LOTS_DB_URL}); empty = embedded
 * @param appRole        the database role the application works as; it may not change the audit log
 * @param dataDirectory  where the embedded server keeps its files (one folder per major version)
 * @param durable        fsync and synchronous commit on (off only for throw-away test databases)
 * @param port           embedded server port, 0 = any free port
 * @param ephemeral      a throw-away embedded database in a temporary folder (tests)
 */
@ConfigurationProperties("lots.db")
public record DatabaseSettings(String url, String user, String password, String appRole,
        Path dataDirectory, boolean durable, int port, boolean ephemeral) {

    public DatabaseSettings {
        if (appRole == null || appRole.isBlank()) {
            appRole = "lots_app";
        }
        if (dataDirectory == null) {
            dataDirectory = Path.of("data", "pg17");
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }
}
