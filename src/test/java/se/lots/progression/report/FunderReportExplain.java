package se.lots.progression.report;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For the benchmark: the plan PostgreSQL runs for the report's (or the goals page's) one statement, as text. */
public final class FunderReportExplain {

    private FunderReportExplain() {
    }

    public static String explain(ApplicationContext app, long programmeId, long organisationId, LocalDate from,
            LocalDate to, boolean tables) {
        var goals = app.getBean(ProgrammeGoals.class).ofProgramme(programmeId);
        var statement = FunderReports.passStatement(programmeId, organisationId, from, to, goals, tables);
        var sql = JdbcClient.create(app.getBean("dataSource", javax.sql.DataSource.class));
        return new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(t -> {
                    sql.sql("SET LOCAL work_mem = '" + FunderReports.WORK_MEM + "'").update();
                    return sql.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql()).params(statement.params())
                            .query(String.class).list().stream().collect(Collectors.joining("\n"));
                });
    }
}
