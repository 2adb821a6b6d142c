package se.lots.kaa.start;

import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lots.kaa.figures.FigureCharts;
import se.lots.kaa.figures.KaaFiguresService;
import se.lots.kaa.register.KaaService;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The KAA register on the start page, for those who work in it (the coordinator, and the case workers the worklist
 * lets in) of an organisation with a municipality: the "not known" share over the last year as on the figures page,
 * who turns 20 this month, and the reviews overdue, each linking to its list. Counts only: no person is read, so
 * nothing is audited here; the lists audit as they always do.
 */
@Component
class KaaStartPanel implements StartPanel {

    static final int MONTHS = 12;

    private final KaaService kaa;
    private final KaaFiguresService figures;
    private final Organisations organisations;
    private final MessageSource messages;

    KaaStartPanel(KaaService kaa, KaaFiguresService figures, Organisations organisations, MessageSource messages) {
        this.kaa = kaa;
        this.figures = figures;
        this.organisations = organisations;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (user.role() != Role.KAA_COORDINATOR && user.role() != Role.CASE_WORKER) {
            return Optional.empty();
        }
        boolean municipality = organisations.byId(user.organisationId())
                .map(o -> o.municipalityCode() != null).orElse(false);
        if (!municipality) {
            return Optional.empty();
        }
        var today = kaa.today(user);
        // the figures page's own numbers: exact for the register's staff, as that page shows them by default
        var trend = figures.trend(user, MONTHS, false);
        var chart = FigureCharts.trend(trend, "start-kaa-trend", true, messages, LocaleContextHolder.getLocale());
        return Optional.of(Content.of("kaa/start", "panel", Map.of("chart", chart, "month", today.month(),
                "due", today.due(), "leaving", today.leaving())));
    }
}
