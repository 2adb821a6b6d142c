package se.lots.progression.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.progression.FunderReportService;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The förbund officer's and the analyst's start panel (template progression/start-finsam.html): the follow-up they
 * do in Lots today. The officer gets the programmes their förbund funds, each a link to its funder's report, the
 * analyst how many programmes there are; both get Uppföljning Finsam. Programme names only: the reports behind the
 * links are suppressed for these roles (FunderReportService), and the panel itself counts no person. Their own
 * modules (the förbund's applications and decisions, statistics) will add their panels.
 */
@Component
class FinsamStartPanel implements StartPanel {

    private final EnrolmentService enrolments;

    FinsamStartPanel(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!FunderReportService.seesFinsam(user)) {
            return Optional.empty();
        }
        boolean officer = user.role() == Role.FEDERATION_OFFICER;
        List<Programme> programmes = enrolments.programmes().stream()
                .filter(p -> !officer || user.organisationId().equals(p.fundedBy())).toList();
        return Optional.of(Content.of("progression/start-finsam", "panel", Map.of(
                "officer", officer,
                "programmes", officer ? programmes : List.of(),
                "programmeCount", programmes.size())));
    }
}
