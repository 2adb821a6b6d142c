package se.lots.plan.worklist;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The case worker's panel on the start page (template plan/start.html): their caseload and what is due in it, each
 * item a link to where it is done. Shown to case workers always (an empty day says so), to other roles that read
 * personal data only when they coordinate a plan or hold a step.
 */
@Component
class CaseStartPanel implements StartPanel {

    private final CaseDay day;

    CaseStartPanel(CaseDay day) {
        this.day = day;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!user.readsPersonalData()) {
            return Optional.empty();
        }
        CaseDay.Today today = day.today(user);
        if (user.role() != Role.CASE_WORKER && today.caseload() == 0) {
            return Optional.empty();
        }
        return Optional.of(Content.of("plan/start", "panel", Map.of("today", today)));
    }
}
