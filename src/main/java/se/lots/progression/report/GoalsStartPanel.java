package se.lots.progression.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.lots.organisation.Role;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalResult;
import se.lots.progression.ProgrammeGoal;
import se.lots.security.Actor;
import se.lots.shared.chart.Chart;
import se.lots.web.start.StartPanel;

/**
 * The programme lead's goals on the start page: for each active programme of their organisation, each goal as a small
 * chart of its target beside what is measured so far this year (the goals page's default period, whose measures the
 * hourly warm-up keeps, so the start page reads kept measures), linking to the goals page. Counts only: no person.
 */
@Component
class GoalsStartPanel implements StartPanel {

    /** More programmes than this: the rest are listed by name, each linking to its goals. */
    static final int CHARTED_PROGRAMMES = 4;

    private final FunderReportService reports;
    private final EnrolmentService enrolments;
    private final ProgrammeGoals goals;
    private final MessageSource messages;

    GoalsStartPanel(FunderReportService reports, EnrolmentService enrolments, ProgrammeGoals goals,
            MessageSource messages) {
        this.reports = reports;
        this.enrolments = enrolments;
        this.goals = goals;
        this.messages = messages;
    }

    /** A programme on the panel: its goals as charts, or none yet. */
    public record ProgrammeCharts(long id, String name, List<Chart> charts) {
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<Content> content(Actor user) {
        if (user.role() != Role.PROGRAMME_LEAD) {
            return Optional.empty();
        }
        Locale locale = LocaleContextHolder.getLocale();
        var withGoals = new HashSet<>(goals.programmesWithGoals());
        var period = reports.period(null, null);
        var charted = new ArrayList<ProgrammeCharts>();
        var others = new ArrayList<Programme>();
        for (Programme p : enrolments.programmes()) {
            if (!p.organisationId().equals(user.organisationId())) {
                continue;
            }
            if (!withGoals.contains(p.id()) || charted.size() >= CHARTED_PROGRAMMES) {
                others.add(p);
                continue;
            }
            var charts = new ArrayList<Chart>();
            for (GoalResult g : reports.measure(user, p.id(), period)) {
                ProgrammeGoal goal = g.goal();
                String text = messages.getMessage("progression.goal.indicator." + goal.indicator(),
                        new Object[] { goal.ageFrom(), goal.ageTo(), goal.withinMonths() }, locale);
                charts.add(ReportCharts.goal(g, "start-goal-" + goal.id(), text, true, messages, locale));
            }
            charted.add(new ProgrammeCharts(p.id(), p.name(), charts));
        }
        return Optional.of(Content.of("progression/start", "goals",
                Map.of("programmes", charted, "others", others, "period", period)));
    }
}
