package se.lots.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import se.lots.organisation.UserAccounts;

/**
 * A session (or a bearer token) outlives the login it came from: when the administrator deactivates the account,
 * the next request finds it inactive, forgets who it was and ends the session, so the rest of the chain treats it
 * as anonymous (the login page, or 401 on the API). A token naming no Lots account at all is left to the role
 * checks (403), as before. Not a bean: Boot would run it on every request outside the
 * security chains too.
 */
class AccountStillActive extends OncePerRequestFilter {

    private final UserAccounts users;

    AccountStillActive(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && users.byUsername(authentication.getName()).map(a -> !a.active()).orElse(false)) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
