package se.lots.web.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The administrator's start panel (template organisation/start.html): the active accounts that lack the work e-mail
 * or phone where Lots reminds staff of their booked times, each a link to the users page, and the way to the users
 * and organisations. It lives in the web module and not in organisation, which owns the accounts, because the web
 * module itself depends on organisation (its menu knows the roles): organisation cannot also depend on the start page.
 */
@Component
class AdminStartPanel implements StartPanel {

    static final int FIRST = 5;

    private final UserAccounts users;

    AdminStartPanel(UserAccounts users) {
        this.users = users;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (user.role() != Role.ADMIN) {
            return Optional.empty();
        }
        return Optional.of(Content.of("organisation/start", "panel", Map.of("withoutContact",
                users.withoutContact(FIRST))));
    }
}
