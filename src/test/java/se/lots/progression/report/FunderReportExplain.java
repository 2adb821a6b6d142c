package se.lots.progression.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.progression.GoalIndicator;
import se.lots.progression.ProgrammeGoal;

/**
 * For the benchmark: the plans PostgreSQL runs for the report's statements (or the goals page's one), as text, with
 * the first plan-within-months goal's parameters.
 */
public final class FunderReportExplain {

    private FunderReportExplain() {
    }

    public static String explain(ApplicationContext app, long programmeId, long organisationId, LocalDate from,
            LocalDate to, boolean tables) {
        List<ProgrammeGoal> goals = app.getBean(ProgrammeGoals.class).ofProgramme(programmeId);
        ProgrammeGoal plan = goals.stream().filter(g -> g.indicator() == GoalIndicator.PLAN_WITHIN_MONTHS).findFirst()
                .orElse(null);
        int months = plan == null || plan.withinMonths() == null ? 0 : plan.withinMonths();
        var params = new HashMap<String, Object>();
        params.put("programme", programmeId);
        params.put("organisation", organisationId);
        params.put("from", from);
        params.put("to", to);
        params.put("changed", null);
        params.put("kept", null);
        params.put("ageFrom", plan == null || plan.ageFrom() == null ? 0 : plan.ageFrom());
        params.put("ageTo", plan == null ? -1 : plan.ageTo() == null ? 200 : plan.ageTo());
        params.put("months", months);
        params.put("dueBy", FunderReports.dueBy(to, months));
        var statements = new ArrayList<String>();
        if (tables) {
            statements.addAll(List.of(FunderReports.BY_GENDER_AND_AGE,
                    FunderReports.DISCHARGED_BY_OCCUPATION_AND_INCOME, FunderReports.TRANSFERS));
        }
        statements.add(FunderReports.GOAL_MEASURES);
        var sql = JdbcClient.create(app.getBean("dataSource", javax.sql.DataSource.class));
        return new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(t -> {
                    sql.sql("SET LOCAL work_mem = '" + FunderReports.WORK_MEM + "'").update();
                    sql.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
                    return statements.stream().map(s -> sql.sql("EXPLAIN (ANALYZE, BUFFERS) " + s).params(params)
                            .query(String.class).list().stream().collect(Collectors.joining("\n")))
                            .collect(Collectors.joining("\n\n"));
                });
    }
}
