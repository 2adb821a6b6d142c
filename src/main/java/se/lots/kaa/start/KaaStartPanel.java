package se.lots.kaa.start;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lots.kaa.figures.FigureCharts;
import se.lots.kaa.figures.KaaFiguresService;
import se.lots.kaa.register.KaaAccess;
import se.lots.kaa.register.KaaService;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.Organisations;
import se.lots.security.Actor;
import se.lots.web.start.StartPanel;

/**
 * The KAA register on the start page, for those who work in it (the coordinator, and the case workers the worklist
 * lets in) of an organisation with a municipality: the "not known" share over the last year as on the figures page
 * (counted at most {@link #TREND_KEPT} ago), who turns 20 this month, and the reviews overdue (counted now), each
 * linking to its list. Counts only: no person is read, so
 * nothing is audited here; the lists audit as they always do.
 */
@Component
class KaaStartPanel implements StartPanel {

    static final int MONTHS = 12;
    /**
     * How long a municipality's trend is kept for the start page: the statement walks every episode at every month's
     * end (about 240 ms for a register of 5 000, docs/benchmarks.md), too slow for every start page; the figures
     * page always counts afresh.
     */
    static final Duration TREND_KEPT = Duration.ofMinutes(15);

    private record Kept(Instant at, KaaFiguresService.Trend trend) {
    }

    private final KaaService kaa;
    private final KaaFiguresService figures;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;
    private final Map<OrganisationId, Kept> trends = new ConcurrentHashMap<>();

    KaaStartPanel(KaaService kaa, KaaFiguresService figures, Organisations organisations, MessageSource messages,
            Clock clock) {
        this.kaa = kaa;
        this.figures = figures;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (!KaaAccess.worksInRegister(user)) {
            return Optional.empty();
        }
        boolean municipality = organisations.byId(user.organisationId())
                .map(o -> o.municipalityCode() != null).orElse(false);
        if (!municipality) {
            return Optional.empty();
        }
        var today = kaa.today(user);
        // the figures page's own numbers: exact for the register's staff, as that page shows them by default
        var trend = trend(user);
        var chart = FigureCharts.trend(trend, "start-kaa-trend", true, messages, LocaleContextHolder.getLocale());
        return Optional.of(Content.of("kaa/start", "panel", Map.of("chart", chart, "month", today.month(),
                "due", today.due(), "leaving", today.leaving())));
    }

    /** The municipality's trend as counted at most {@link #TREND_KEPT} ago (the same for all its staff). */
    private KaaFiguresService.Trend trend(Actor user) {
        Instant now = clock.instant();
        Kept kept = trends.get(user.organisationId());
        if (kept == null || kept.at().plus(TREND_KEPT).isBefore(now) || kept.at().isAfter(now)) {
            kept = new Kept(now, figures.trend(user, MONTHS, false));
            trends.put(user.organisationId(), kept);
        }
        return kept.trend();
    }
}
