package se.lots.progression.start;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The start page's "enrolments without a start registration" (template progression/start.html), after the plan
 * module's caseload panel. For case workers always (an empty list says so); for other roles that read personal data
 * only when they have some.
 */
@Component
class StartRegistrationPanel implements StartPanel {

    static final int FIRST = 5;

    private final MissingStartRegistrations missing;

    StartRegistrationPanel(MissingStartRegistrations missing) {
        this.missing = missing;
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!user.readsPersonalData()) {
            return Optional.empty();
        }
        var first = missing.first(user, FIRST, "startsida startregistrering");
        if (user.role() != Role.CASE_WORKER && first.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(Content.of("progression/start", "registrations", Map.of("missing", first)));
    }
}
