package se.lots.privacy.extract;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The start page's reminder of open register extracts and their deadline (GDPR art. 12.3), for the coordinator or
 * the lead who decides them; nothing at all while there is no open request.
 */
@Component
class ExtractStartPanel implements StartPanel {

    private final RegisterExtractService extracts;

    ExtractStartPanel(RegisterExtractService extracts) {
        this.extracts = extracts;
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!ExtractRoles.mayDecide(user.role())) {
            return Optional.empty();
        }
        var requests = extracts.open(user);
        if (requests.open() == 0) {
            return Optional.empty();
        }
        return Optional.of(Content.of("privacy/start", "panel", Map.of("open", requests.open(), "overdue",
                requests.overdue())));
    }
}
