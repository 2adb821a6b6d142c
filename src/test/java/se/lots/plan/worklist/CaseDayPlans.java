package se.lots.plan.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.security.Actor;

/**
 * The query plans (EXPLAIN ANALYZE) of the statements behind the start page's case-worker panel and Mina ärenden, for
 * one case worker: PlanPageBenchmark writes them into its report with {@code -Dlots.bench.explain=true}.
 */
public final class CaseDayPlans {

    private CaseDayPlans() {
    }

    public static Map<String, List<String>> explain(JdbcClient sql, Actor worker, LocalDate today) {
        var statements = new LinkedHashMap<String, String>();
        statements.put("caseload's plans (CaseWorklist.caseloadPlans)", CaseWorklist.CASELOAD);
        statements.put("caseload's persons (CaseWorklist.personsOf)", "SELECT person_id FROM plan WHERE id = ANY (:plans)");
        statements.put("overdue steps (CaseDay)", CaseDay.OVERDUE_STEPS);
        statements.put("reviews due (CaseDay)", CaseDay.REVIEWS);
        statements.put("referrals waiting (CaseDay)", CaseDay.REFERRALS);
        statements.put("Mina ärenden, page 1 most urgent first (CaseWorklist.page)", CaseWorklist.CASES + "true"
                + " ORDER BY least(c.next_due, c.review_on) NULLS LAST, y.last_name, y.first_name, c.plan_id"
                + " LIMIT 50 OFFSET 0");
        UUID[] caseload = CaseDay.bind(sql.sql(CaseWorklist.CASELOAD), worker, today, new UUID[0]).query(UUID.class)
                .list().toArray(UUID[]::new);
        var plans = new LinkedHashMap<String, List<String>>();
        statements.forEach((name, statement) -> {
            List<String> lines = new ArrayList<>(CaseDay.bind(sql.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement),
                    worker, today, caseload).query(String.class).list());
            plans.put(name, lines);
        });
        return plans;
    }
}
