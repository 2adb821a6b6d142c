package se.lots.security;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many passwords were checked and refused in a period, for the auditor's start panel (the audit module); the
 * events themselves are on the security log's own page ({@code /audit/inloggningar}).
 */
@Component
public class LoginFailures {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Failed password checks on the Swedish days {@code from}–{@code to}, both included (locks not counted). */
    public long between(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT count(*) FROM login_event WHERE kind = 'FAILURE' AND at >= ? AND at < ?")
                .params(from.atStartOfDay(SWEDEN).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(SWEDEN).toOffsetDateTime())
                .query(Long.class).single();
    }
}
