package se.lots.kaa.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.organisation.OrganisationId;

/** EXPLAIN ANALYZE of the worklist's page statement, for the worklist benchmark's report. */
public final class WorklistPlans {

    private WorklistPlans() {
    }

    public static List<String> explain(JdbcClient jdbc, OrganisationId organisationId, Worklist.Filter filter,
            Worklist.Sort sort, int page, LocalDate today) {
        var params = new ArrayList<Object>();
        String sql = Worklist.pageStatement(organisationId,
                new Worklist.Query(filter, sort, 3, 30, 0, null, today), page, params);
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).params(params).query(String.class).list();
    }
}
