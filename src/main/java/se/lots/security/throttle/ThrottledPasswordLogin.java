package se.lots.security.throttle;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password login on the web form and by HTTP Basic, throttled by {@link LoginThrottle}. Every refusal looks the same
 * whether or not the account exists or is active: one message, and a password hash computed in every case.
 */
public class ThrottledPasswordLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public ThrottledPasswordLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        // the account's status is checked after the password, not before: a deactivated account answers as slowly
        // as any other, and only to someone who knows its password
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        // PostgreSQL's text holds no NUL: such a name is counted as itself with the NUL made visible, not a 500
        String username = authentication.getName().replace('\u0000', '\uFFFD');
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.admit(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            // Lots could not look the user up (the database, say): neither a failure nor a success
            throttle.released(username, address);
            throw e;
        } catch (AuthenticationException | IllegalArgumentException e) {
            // IllegalArgumentException: bcrypt refuses a password over 72 bytes
            throttle.failed(username, address);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(username, address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
