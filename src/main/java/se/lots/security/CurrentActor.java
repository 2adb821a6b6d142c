package se.lots.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import se.lots.organisation.Organisations;
import se.lots.organisation.UserAccounts;

/**
 * Resolves the authenticated name (form login, Basic, OIDC or bearer token) to the local user account,
 * so every login method yields the same organisation and role.
 */
@Component
public class CurrentActor {

    private static final String KEY = Actor.class.getName();

    private final UserAccounts users;
    private final Organisations organisations;

    CurrentActor(UserAccounts users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The logged-in actor; looked up once per web request (the page header and the controller both ask). */
    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("not authenticated");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached
                && cached.username().equals(authentication.getName())) {
            return cached;
        }
        Actor actor = byUsername(authentication.getName());
        if (request != null) {
            request.setAttribute(KEY, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    public Actor byUsername(String username) {
        var account = users.byUsername(username).filter(a -> a.active())
                .orElseThrow(() -> new AccessDeniedException("no active account"));
        var organisation = organisations.byId(account.organisationId()).orElseThrow();
        return new Actor(account.id(), account.username(), account.displayName(), account.organisationId(),
                organisation.name(), account.role(),
                organisations.domainOf(account.organisationId(), account.unitId()).orElse(null));
    }
}
