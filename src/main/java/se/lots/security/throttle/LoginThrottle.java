package se.lots.security.throttle;

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
 * Counts failed logins per account name and per client address in PostgreSQL, so that every node sees the same
 * counts, and says when the next attempt may be made (docs/security.md, "Password guessing").
 */
@Component
public class LoginThrottle {

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

    private record Counter(String kind, String key, int failures, OffsetDateTime windowStart,
            OffsetDateTime lastFailureAt, int pending, OffsetDateTime lastAttemptAt) {
    }

    /**
     * Empty if the password may be checked now; otherwise how long to wait. An attempt during a delay counts as a
     * failure, so a script that does not wait reaches the lock at once; an attempt during the lock does not, so the
     * lock does not grow while its owner waits. No more checks may be under way at once than there are failures
     * left before the lock: guesses sent in parallel cannot all slip in before the first of them has failed.
     */
    @Transactional
    public Optional<Duration> admit(String username, String address) {
        OffsetDateTime now = now();
        String account = accountKey(username);
        String client = addressKey(address);
        List<Counter> counters = lock(account, client, now);

        Duration locked = Duration.ZERO;
        boolean delayed = false;
        boolean busy = false;
        for (Counter c : counters) {
            var limits = limits(c.kind());
            int failures = failures(c, now);
            Duration left = failures == 0 ? Duration.ZERO
                    : Duration.between(now, c.lastFailureAt().plus(settings.wait(limits, failures)));
            boolean waiting = !left.isNegative() && !left.isZero();
            if (waiting && failures >= limits.lockAfter()) {
                locked = max(locked, left);
            } else if (waiting) {
                delayed = true;
            }
            busy |= pending(c, now) >= Math.max(1, limits.lockAfter() - failures);
        }
        if (!locked.isZero()) {
            return Optional.of(locked);
        }
        if (delayed) {
            Duration wait = Duration.ZERO;
            for (Counter c : counters) {
                int failures = countFailure(c, now, 0);
                wait = max(wait, settings.wait(limits(c.kind()), failures));
                if (failures == limits(c.kind()).lockAfter()) {
                    event(now, "LOCKED", account, client, c.kind() + ", by attempts during the delay");
                }
            }
            return Optional.of(wait);
        }
        if (busy) {
            return Optional.of(Duration.ofSeconds(1));
        }
        for (Counter c : counters) {
            jdbc.sql("""
                    UPDATE login_throttle SET pending = :pending, last_attempt_at = :now, failures = :failures,
                           window_start = CASE WHEN :failures = 0 THEN NULL ELSE window_start END
                     WHERE kind = :kind AND key = :key""")
                    .param("pending", pending(c, now) + 1).param("now", now).param("failures", failures(c, now))
                    .param("kind", c.kind()).param("key", c.key()).update();
        }
        return Optional.empty();
    }

    /** The password was checked and refused: logged, and a name or address that has reached its limit is locked. */
    @Transactional
    public void failed(String username, String address) {
        OffsetDateTime now = now();
        String account = accountKey(username);
        String client = addressKey(address);
        event(now, "FAILURE", account, client, null);
        for (Counter c : lock(account, client, now)) {
            int failures = countFailure(c, now, 1);
            if (failures >= limits(c.kind()).lockAfter()) {
                event(now, "LOCKED", account, client, c.kind());
                log.warn("Login locked for {} after {} failed attempts: {}", c.kind().toLowerCase(Locale.ROOT),
                        failures, c.key());
            }
        }
    }

    /** The password was right: the account's failures are forgotten, the address's are not. */
    @Transactional
    public void succeeded(String username, String address) {
        jdbc.sql("""
                UPDATE login_throttle SET failures = 0, window_start = NULL, last_failure_at = NULL,
                       pending = greatest(pending - 1, 0)
                 WHERE kind = 'ACCOUNT' AND key = ?""").param(accountKey(username)).update();
        // a guesser with one account of their own must not be able to wipe the address's count by logging in
        jdbc.sql("UPDATE login_throttle SET pending = greatest(pending - 1, 0) WHERE kind = 'ADDRESS' AND key = ?")
                .param(addressKey(address)).update();
    }

    /** The check admitted could not be made: it is no longer under way, and counts neither way. */
    @Transactional
    public void released(String username, String address) {
        jdbc.sql("""
                UPDATE login_throttle SET pending = greatest(pending - 1, 0)
                 WHERE (kind = 'ACCOUNT' AND key = ?) OR (kind = 'ADDRESS' AND key = ?)""")
                .params(accountKey(username), addressKey(address)).update();
    }

    /** Both rows, made if new and locked until commit; ACCOUNT before ADDRESS always, so two attempts never deadlock. */
    private List<Counter> lock(String account, String client, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO login_throttle (kind, key, last_attempt_at) VALUES ('ACCOUNT', :account, :now),
                       ('ADDRESS', :address, :now)
                ON CONFLICT (kind, key) DO NOTHING""")
                .param("account", account).param("address", client).param("now", now).update();
        return jdbc.sql("""
                SELECT kind, key, failures, window_start, last_failure_at, pending, last_attempt_at FROM login_throttle
                 WHERE (kind = 'ACCOUNT' AND key = :account) OR (kind = 'ADDRESS' AND key = :address)
                 ORDER BY kind FOR UPDATE""")
                .param("account", account).param("address", client).query(LoginThrottle::counter).list();
    }

    /** One more failure on the row (and one check fewer under way); the failures now. */
    private int countFailure(Counter c, OffsetDateTime now, int checked) {
        int failures = failures(c, now) + 1;
        jdbc.sql("""
                UPDATE login_throttle SET failures = :failures, last_failure_at = :now, last_attempt_at = :now,
                       window_start = CASE WHEN :failures = 1 THEN :now ELSE window_start END,
                       pending = greatest(pending - :checked, 0)
                 WHERE kind = :kind AND key = :key""")
                .param("failures", failures).param("now", now).param("checked", checked)
                .param("kind", c.kind()).param("key", c.key()).update();
        return failures;
    }

    /** The failures that still count: none once the window has passed, but never during a wait or a lock. */
    private int failures(Counter c, OffsetDateTime now) {
        var limits = limits(c.kind());
        boolean windowOver = c.windowStart() == null || c.windowStart().plus(limits.window()).isBefore(now);
        boolean waiting = c.lastFailureAt() != null
                && c.lastFailureAt().plus(settings.wait(limits, c.failures())).isAfter(now);
        return windowOver && !waiting ? 0 : c.failures();
    }

    /** Checks under way; a node that died during one leaves it behind, so it is forgotten after a minute. */
    private static int pending(Counter c, OffsetDateTime now) {
        return c.lastAttemptAt().isBefore(now.minusMinutes(1)) ? 0 : c.pending();
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
        return new Counter(rs.getString("kind"), rs.getString("key"), rs.getInt("failures"),
                rs.getObject("window_start", OffsetDateTime.class), rs.getObject("last_failure_at", OffsetDateTime.class),
                rs.getInt("pending"), rs.getObject("last_attempt_at", OffsetDateTime.class));
    }
}
