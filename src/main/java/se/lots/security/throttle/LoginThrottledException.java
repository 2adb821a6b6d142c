package se.lots.security.throttle;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many login attempts for the name or from the address: the password was not even checked. */
public class LoginThrottledException extends AuthenticationException {

    private final transient Duration wait;

    LoginThrottledException(Duration wait) {
        super("login throttled for " + wait);
        this.wait = wait;
    }

    /** Whole seconds, rounded up, as Retry-After wants them. */
    public long seconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The message key and its number: seconds below a minute, else whole minutes rounded up. */
    public String messageKey() {
        return seconds() < 60 ? "login.throttledSeconds" : "login.throttledMinutes";
    }

    public long amount() {
        return seconds() < 60 ? seconds() : (seconds() + 59) / 60;
    }
}
