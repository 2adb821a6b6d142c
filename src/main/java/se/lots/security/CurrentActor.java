package se.lots.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import se.lots.organisation.Organisations;
import se.lots.organisation.UserAccounts;

/**
 * Resolves the authenticated name (form login, Basic, OIDC or bearer token) to the local user account,
 * so every login method yields the same organisation and role.
 */
@Component
public class CurrentActor {

    private final UserAccounts users;
    private final Organisations organisations;

    CurrentActor(UserAccounts users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("not authenticated");
        }
        return byUsername(authentication.getName());
    }

    public Actor byUsername(String username) {
        var account = users.byUsername(username).filter(a -> a.active())
                .orElseThrow(() -> new AccessDeniedException("no active account"));
        var organisation = organisations.byId(account.organisationId()).orElseThrow();
        return new Actor(account.id(), account.username(), account.displayName(), account.organisationId(),
                organisation.name(), account.role());
    }
}
