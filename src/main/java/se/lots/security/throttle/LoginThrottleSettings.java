package se.lots.security.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How password guessing is slowed down (docs/security.md): per account name and per client address, the first
 * {@code delayAfter} failed attempts in a window are free, each further one doubles the wait before the next (1 s,
 * 2 s, 4 s …), and from {@code lockAfter} on the name or address is locked for {@code lock}. The log of failures
 * and locks is kept for {@code keepEvents}.
 */
@ConfigurationProperties("lots.login.throttle")
public record LoginThrottleSettings(Limits account, Limits address, Duration lock, Duration keepEvents) {

    public record Limits(int delayAfter, int lockAfter, Duration window) {
    }

    public LoginThrottleSettings {
        // an account's failures last a day (a success clears them); an address is shared by an office behind NAT,
        // so it gets more and they last an hour
        account = account == null ? new Limits(5, 10, Duration.ofHours(24)) : account;
        address = address == null ? new Limits(20, 50, Duration.ofHours(1)) : address;
        lock = lock == null ? Duration.ofMinutes(15) : lock;
        // the log names people and their addresses: kept long enough to follow up an attack, then deleted
        keepEvents = keepEvents == null ? Duration.ofDays(90) : keepEvents;
        for (Limits l : new Limits[] { account, address }) {
            if (l.delayAfter() < 1 || l.lockAfter() <= l.delayAfter() || l.window().compareTo(lock) < 0) {
                throw new IllegalArgumentException(
                        "lots.login.throttle: need 1 <= delay-after < lock-after and a window at least as long as the lock");
            }
        }
    }

    /** How long to wait after {@code attempts} failed attempts. */
    Duration wait(Limits limits, int attempts) {
        if (attempts < limits.delayAfter()) {
            return Duration.ZERO;
        }
        if (attempts >= limits.lockAfter()) {
            return lock;
        }
        int doublings = Math.min(attempts - limits.delayAfter(), 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(lock) < 0 ? delay : lock;
    }
}
