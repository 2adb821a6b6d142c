package se.lots.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts login attempts per account name and per client address in PostgreSQL, so that every node sees the same
 * counts. An attempt counts as failed until the password has proved right: guesses sent in parallel cannot all
 * slip in before the first of them is counted.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, LoginThrottleSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    private record Counter(String kind, String key, int attempts, OffsetDateTime windowStart,
            OffsetDateTime lastAttemptAt) {
    }

    /**
     * Empty if the password may be checked now (the attempt is then counted as failed until {@link #succeeded});
     * otherwise how long to wait. An attempt during a delay counts, so a script that does not wait reaches the lock
     * at once; an attempt during the lock does not, so the lock does not grow while its owner waits.
     */
    @Transactional
    public Optional<Duration> admit(String username, String address) {
        OffsetDateTime now = now();
        String account = accountKey(username);
        String client = addressKey(address);
        // ACCOUNT before ADDRESS in every transaction: two attempts never wait for each other's rows crosswise
        jdbc.sql("""
                INSERT INTO login_throttle (kind, key, attempts, window_start, last_attempt_at)
                VALUES ('ACCOUNT', :account, 0, :now, :now), ('ADDRESS', :address, 0, :now, :now)
                ON CONFLICT (kind, key) DO NOTHING""")
                .param("account", account).param("address", client).param("now", now).update();
        List<Counter> counters = jdbc.sql("""
                SELECT kind, key, attempts, window_start, last_attempt_at FROM login_throttle
                 WHERE (kind = 'ACCOUNT' AND key = :account) OR (kind = 'ADDRESS' AND key = :address)
                 ORDER BY kind FOR UPDATE""")
                .param("account", account).param("address", client).query(LoginThrottle::counter).list();

        Duration locked = Duration.ZERO;
        boolean delayed = false;
        for (Counter c : counters) {
            var limits = limits(c.kind());
            if (windowOver(c, now)) {
                continue;
            }
            Duration left = Duration.between(now, c.lastAttemptAt().plus(settings.wait(limits, c.attempts())));
            if ((!left.isNegative() && !left.isZero()) && c.attempts() >= limits.lockAfter()) {
                locked = max(locked, left);
            } else if ((!left.isNegative() && !left.isZero())) {
                delayed = true;
            }
        }
        if (!locked.isZero()) {
            return Optional.of(locked);
        }

        Duration wait = Duration.ZERO;
        for (Counter c : counters) {
            var limits = limits(c.kind());
            boolean restart = windowOver(c, now);
            int attempts = restart ? 1 : c.attempts() + 1;
            jdbc.sql("""
                    UPDATE login_throttle SET attempts = :attempts, last_attempt_at = :now,
                           window_start = CASE WHEN :restart THEN :now ELSE window_start END
                     WHERE kind = :kind AND key = :key""")
                    .param("attempts", attempts).param("now", now).param("restart", restart)
                    .param("kind", c.kind()).param("key", c.key()).update();
            if (delayed) {
                wait = max(wait, settings.wait(limits, attempts));
                if (attempts == limits.lockAfter()) {
                    event(now, "LOCKED", account, client, c.kind() + " by attempts during the delay");
                }
            }
        }
        return delayed ? Optional.of(wait) : Optional.empty();
    }

    /** The password was checked and refused: logged, and a name or address that has reached its limit is locked. */
    @Transactional
    public void failed(String username, String address) {
        OffsetDateTime now = now();
        String account = accountKey(username);
        String client = addressKey(address);
        event(now, "FAILURE", account, client, null);
        jdbc.sql("""
                SELECT kind, key, attempts, window_start, last_attempt_at FROM login_throttle
                 WHERE (kind = 'ACCOUNT' AND key = :account) OR (kind = 'ADDRESS' AND key = :address)""")
                .param("account", account).param("address", client).query(LoginThrottle::counter).list()
                .stream().filter(c -> c.attempts() >= limits(c.kind()).lockAfter())
                .forEach(c -> {
                    event(now, "LOCKED", account, client, c.kind());
                    log.warn("Login locked for {} after {} failed attempts: {}", c.kind().toLowerCase(Locale.ROOT),
                            c.attempts(), c.key());
                });
    }

    /** The password was right: the account's failures are forgotten, and the address's count is as before. */
    @Transactional
    public void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM login_throttle WHERE kind = 'ACCOUNT' AND key = ?").param(accountKey(username)).update();
        // not cleared: a guesser with one account of their own must not be able to wipe the address's count
        jdbc.sql("UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE kind = 'ADDRESS' AND key = ?")
                .param(addressKey(address)).update();
    }

    @Scheduled(cron = "0 17 * * * *")
    @Transactional
    public void forgetOldCounts() {
        Duration longest = max(settings.account().window(), settings.address().window());
        jdbc.sql("DELETE FROM login_throttle WHERE last_attempt_at < ?")
                .param(now().minus(longest.plus(settings.lock()))).update();
        jdbc.sql("DELETE FROM login_event WHERE at < ?").param(now().minus(settings.keepEvents())).update();
    }

    private void event(OffsetDateTime now, String kind, String account, String client, String detail) {
        jdbc.sql("INSERT INTO login_event (at, kind, username, client_address, detail) VALUES (?, ?, ?, ?, ?)")
                .params(now, kind, account, client, detail).update();
    }

    /** The count starts again when its window has passed, but never during a wait or a lock. */
    private boolean windowOver(Counter c, OffsetDateTime now) {
        var limits = limits(c.kind());
        return c.windowStart().plus(limits.window()).isBefore(now)
                && !c.lastAttemptAt().plus(settings.wait(limits, c.attempts())).isAfter(now);
    }

    private LoginThrottleSettings.Limits limits(String kind) {
        return kind.equals("ACCOUNT") ? settings.account() : settings.address();
    }

    // PostgreSQL rounds to microseconds: a row written "now" must not read back as later than now
    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Names are counted as typed (trimmed, lower case), whether or not such an account exists. */
    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** An IPv6 client is counted by its /64 network: one subscriber gets a whole /64 to pick addresses from. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", "")).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            var prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address.length() > MAX_KEY_LENGTH ? address.substring(0, MAX_KEY_LENGTH) : address;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Counter counter(ResultSet rs, int row) throws SQLException {
        return new Counter(rs.getString("kind"), rs.getString("key"), rs.getInt("attempts"),
                rs.getObject("window_start", OffsetDateTime.class), rs.getObject("last_attempt_at", OffsetDateTime.class));
    }
}
