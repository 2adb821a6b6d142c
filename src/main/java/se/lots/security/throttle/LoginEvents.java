package se.lots.security.throttle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The security log of password guessing, as the auditor reads it: failed logins and locks, newest first. */
@Repository
public class LoginEvents {

    /** One failed password check or one lock, with the account name as typed and the client address. */
    public record LoginEvent(Instant at, String kind, String username, String clientAddress, String detail) {
    }

    static final int PAGE_SIZE = 200;
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcClient jdbc;

    LoginEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The events of the Swedish days {@code from}–{@code to} (both included), of one account name if given. */
    public List<LoginEvent> between(LocalDate from, LocalDate to, String username) {
        return jdbc.sql("""
                SELECT at, kind, username, client_address, detail
                  FROM login_event
                 WHERE at >= :from AND at < :to
                   AND (CAST(:username AS text) IS NULL OR username = :username)
                 ORDER BY at DESC, id DESC
                 LIMIT :limit
                """)
                .param("from", from.atStartOfDay(SWEDEN).toOffsetDateTime())
                .param("to", to.plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime())
                .param("username", username == null || username.isBlank() ? null : username.strip())
                .param("limit", PAGE_SIZE)
                .query((rs, n) -> new LoginEvent(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("kind"), rs.getString("username"), rs.getString("client_address"),
                        rs.getString("detail")))
                .list();
    }
}
