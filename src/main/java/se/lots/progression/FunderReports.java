package se.lots.progression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the funder's report and the programme goals. Everything starts from one cohort: a programme's
 * enrolments (less those followed up anonymously, which have their own participant row) plus its anonymous
 * participants, each counted once per programme enrolment: the rows of {@code follow_up_unit}, which the database
 * keeps in step with the enrolments, participants, registrations and plan steps (V29). Only what is dated on or
 * before the end of the period is counted (enrolment start, discharge, registration and plan-step dates), so a closed
 * period gives the same numbers when the report is generated again later.
 */
@Repository
class FunderReports {

    // :programme, :from, :to; registered = started in the period; discharged = ended in the period for another
    // reason than a transfer or a wrong registration; active = enrolled at some time in the period. A registration
    // measured after the period's end is not read. Not materialised: every part of the statement that reads the
    // cohort scans follow_up_unit where it is read (in parallel workers) and only the groups travel.
    private static final String UNITS = """
            WITH cohort AS NOT MATERIALIZED (
                SELECT u.enrolment_id, u.person_id, u.participant_id, u.gender, u.started_on, u.ended_on, u.end_reason,
                       u.transferred_from, extract(year FROM u.started_on)::int - u.birth_year AS age,
                       u.started_on >= CAST(:from AS date) AS registered,
                       coalesce(u.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                                AND u.end_reason IS DISTINCT FROM 'OVERFORD'
                                AND u.end_reason IS DISTINCT FROM 'FELREGISTRERAD', false) AS discharged,
                       (u.ended_on IS NULL OR u.ended_on >= CAST(:from AS date)) AS active,
                       CASE WHEN u.start_measured_on <= CAST(:to AS date) THEN u.start_occupation END AS start_occupation,
                       CASE WHEN u.start_measured_on <= CAST(:to AS date) THEN u.start_incomes END AS start_incomes,
                       CASE WHEN u.end_measured_on <= CAST(:to AS date) THEN u.end_occupation END AS end_occupation,
                       CASE WHEN u.end_measured_on <= CAST(:to AS date) THEN u.end_incomes END AS end_incomes,
                       u.first_plan_step_at AS first_step
                FROM follow_up_unit u
                WHERE u.programme_id = :programme AND u.started_on <= CAST(:to AS date)
            )""";

    /** The cohort and its parts for the participants behind one goal ({@link #units}). */
    static final String COHORT = UNITS + """
            , contact_window AS (
                SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on,
                       GREATEST(c.started_on, CAST(:from AS date)) AS s,
                       LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)) AS e
                FROM cohort c WHERE c.active AND c.person_id IS NOT NULL
            )
            """;

    /** Sources of income at START and SLUT of those discharged in the period (a person may have several). */
    private static final String INCOMES = """
            SELECT 'I', k.kind, k.source, NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c
            CROSS JOIN LATERAL (SELECT 'START', unnest(c.start_incomes) UNION ALL SELECT 'SLUT', unnest(c.end_incomes))
                 k(kind, source)
            WHERE c.discharged
            GROUP BY 2, 3""";

    /** Into the programme (started in the period) and out of it (ended as OVERFORD in the period). */
    private static final String TRANSFERS = """
            SELECT 'T', fp.name, 'IN', NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c JOIN enrolment f ON f.id = c.transferred_from JOIN programme fp ON fp.id = f.programme_id
            WHERE c.registered AND c.transferred_from IS NOT NULL
            GROUP BY 2
            UNION ALL
            SELECT 'T', tp.name, 'OUT', NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c JOIN enrolment t ON t.transferred_from = c.enrolment_id AND t.started_on <= CAST(:to AS date)
            JOIN programme tp ON tp.id = t.programme_id
            WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
            GROUP BY 2""";

    /** Journey events KONTAKT by the programme's organisation while each identified participant was enrolled. */
    private static final String CONTACTS = """
            SELECT 'C', NULL, NULL, NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c JOIN journey_event j ON j.person_id = c.person_id AND j.kind = 'KONTAKT'
                 AND j.organisation_id = :organisation
                 AND j.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                       AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
            WHERE c.active AND c.person_id IS NOT NULL""";

    /** Age at enrolment (from the birth year: an anonymous participant has no more) as the report's bands. */
    static final String AGE_BAND = "CASE WHEN age BETWEEN 16 AND 19 THEN 0 WHEN age BETWEEN 20 AND 24 THEN 1"
            + " WHEN age BETWEEN 25 AND 29 THEN 2 ELSE 3 END";

    record GenderAgeCount(String gender, int band, long registered, long discharged, long active) {
    }

    record OccupationPair(String start, String end, long count) {
    }

    record IncomeCount(String kind, String source, long count) {
    }

    record TransferCount(boolean in, String programme, long count) {
    }

    /** One participant behind an indicator: in its denominator, {@code hit} when counted in the numerator. */
    record UnitRow(UUID enrolmentId, UUID personId, LocalDate startedOn, LocalDate endedOn, boolean hit,
            long amount, double days) {
    }

    record Texts(String equality, String lessons) {
    }

    private final JdbcClient jdbc;

    FunderReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report's tables and its goals' measures, from one statement over the cohort. */
    record Pass(List<GenderAgeCount> genderAge, List<OccupationPair> occupations, List<IncomeCount> incomes,
            List<TransferCount> transfers, Map<Long, Measured> goals) {
    }

    /** One statement with its named parameters. */
    record Statement(String sql, Map<String, Object> params) {
    }

    /**
     * Everything the report shows ({@code tables}) or only the goals (the goals page), as one statement. Its main
     * part reads every participant once and groups them by gender, age band and occupation at START and SLUT: the
     * report's gender × age table, its occupation table and every goal's numerator, denominator and participant-days
     * are sums over those few hundred groups ('W'; the counts as an array: registered, discharged, active, then three
     * per goal). Sources of income ('I', several per person, so not from the same rows), transfers ('T') and the
     * contacts of a contacts goal ('C') are small branches of the same statement.
     */
    static Statement passStatement(long programmeId, long organisationId, LocalDate from, LocalDate to,
            List<ProgrammeGoal> goals, boolean tables) {
        var params = new HashMap<String, Object>(Map.of("programme", programmeId, "from", from, "to", to,
                "organisation", organisationId));
        var values = new ArrayList<String>(List.of("count(*) FILTER (WHERE registered)",
                "count(*) FILTER (WHERE discharged)", "count(*) FILTER (WHERE active)"));
        boolean contacts = false;
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            String months = "make_interval(months => CAST(:months" + n + " AS int))";
            String hasPlanIn = "coalesce(first_step < LEAST((started_on + " + months + ")::date, CAST(:to AS date)) + 1,"
                    + " false)";
            String[] rule = switch (g.indicator()) {
                case DISCHARGED_WITH_PLAN -> new String[] { "discharged AND person_id IS NOT NULL",
                    "coalesce(first_step < CAST(:to AS date) + 1, false)" };
                // judged once the months have passed by the period's end, or earlier when the plan is there
                case PLAN_WITHIN_MONTHS -> new String[] { "active AND person_id IS NOT NULL AND age BETWEEN CAST(:ageFrom"
                        + n + " AS int) AND CAST(:ageTo" + n + " AS int) AND (" + hasPlanIn + " OR (started_on + "
                        + months + ")::date <= CAST(:to AS date))", hasPlanIn };
                case PARTICIPANTS -> new String[] { "active", "true" };
                case DISCHARGED_TO_WORK_OR_STUDIES -> new String[] { "discharged",
                    "coalesce(end_reason IN ('ARBETE', 'STUDIER'), false)"
                            + " OR coalesce(end_occupation IN ('ARBETAR', 'STUDERAR'), false)" };
                case CONTACTS_PER_WEEK -> new String[] { "active AND person_id IS NOT NULL", "true" };
            };
            contacts |= g.indicator() == GoalIndicator.CONTACTS_PER_WEEK;
            values.add("count(*) FILTER (WHERE " + rule[0] + " AND (" + rule[1] + "))");
            values.add("count(*) FILTER (WHERE " + rule[0] + ")");
            // the participant-days of a contacts goal
            values.add(g.indicator() != GoalIndicator.CONTACTS_PER_WEEK ? "0"
                    : "coalesce(sum(LEAST(coalesce(ended_on, CAST(:to AS date)), CAST(:to AS date))"
                            + " - GREATEST(started_on, CAST(:from AS date)) + 1) FILTER (WHERE " + rule[0] + "), 0)");
            params.put("ageFrom" + n, g.ageFrom() == null ? 0 : g.ageFrom());
            params.put("ageTo" + n, g.ageTo() == null ? 200 : g.ageTo());
            params.put("months" + n, g.withinMonths() == null ? 0 : g.withinMonths());
        }
        if (!tables && goals.isEmpty()) {
            return null;
        }
        String array = "ARRAY[" + String.join(", ", values) + "]::float8[]";
        var sql = new StringBuilder(UNITS).append('\n');
        if (tables) {
            // only the discharged have occupations to report
            sql.append("SELECT 'W', gender, (").append(AGE_BAND).append(")::text,")
                    .append(" CASE WHEN discharged THEN start_occupation END, CASE WHEN discharged THEN end_occupation END, ")
                    .append(array).append(" FROM cohort GROUP BY 2, 3, 4, 5");
            sql.append("\nUNION ALL\n").append(INCOMES).append("\nUNION ALL\n").append(TRANSFERS);
        } else {
            sql.append("SELECT 'W', NULL, NULL, NULL, NULL, ").append(array).append(" FROM cohort");
        }
        if (contacts) {
            sql.append("\nUNION ALL\n").append(CONTACTS);
        }
        return new Statement(sql.append("\nORDER BY 1, 2, 3").toString(), params);
    }

    /** The report's tables and its goals' measures, from one statement. */
    Pass pass(long programmeId, long organisationId, LocalDate from, LocalDate to, List<ProgrammeGoal> goals,
            boolean tables) {
        var genderAge = new LinkedHashMap<String, long[]>();
        var occupations = new LinkedHashMap<java.util.List<String>, long[]>();
        var incomes = new ArrayList<IncomeCount>();
        var transfers = new ArrayList<TransferCount>();
        var measured = new HashMap<Long, Measured>();
        Statement statement = passStatement(programmeId, organisationId, from, to, goals, tables);
        if (statement == null) {
            return new Pass(List.of(), List.of(), incomes, transfers, measured);
        }
        // the hash tables over a few hundred thousand participants fit in memory instead of going to disk in batches
        jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        double[] goalSums = new double[3 * goals.size()];
        long[] contactCount = new long[1];
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            Double[] v = (Double[]) rs.getArray(6).getArray();
            switch (rs.getString(1)) {
                case "W" -> {
                    if (tables) {
                        long[] ga = genderAge.computeIfAbsent(rs.getString(2) + "|" + rs.getString(3),
                                k -> new long[3]);
                        for (int i = 0; i < 3; i++) {
                            ga[i] += v[i].longValue();
                        }
                        // only the discharged have occupations to report
                        if (v[1] > 0) {
                            occupations.computeIfAbsent(java.util.Arrays.asList(rs.getString(4), rs.getString(5)),
                                    k -> new long[1])[0] += v[1].longValue();
                        }
                    }
                    for (int i = 0; i < goalSums.length; i++) {
                        goalSums[i] += v[3 + i];
                    }
                }
                case "I" -> incomes.add(new IncomeCount(rs.getString(2), rs.getString(3), v[0].longValue()));
                case "T" -> transfers.add(new TransferCount("IN".equals(rs.getString(3)), rs.getString(2),
                        v[0].longValue()));
                default -> contactCount[0] = v[0].longValue();
            }
        });
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            long amount = g.indicator() == GoalIndicator.CONTACTS_PER_WEEK ? contactCount[0] : 0;
            measured.put(g.id(), new Measured((long) goalSums[3 * n], (long) goalSums[3 * n + 1], amount,
                    goalSums[3 * n + 2]));
        }
        var genderAgeList = new ArrayList<GenderAgeCount>();
        genderAge.forEach((k, c) -> {
            String[] key = k.split("\\|");
            genderAgeList.add(new GenderAgeCount(key[0], Integer.parseInt(key[1]), c[0], c[1], c[2]));
        });
        var occupationList = new ArrayList<OccupationPair>();
        occupations.forEach((k, c) -> occupationList.add(new OccupationPair(k.get(0), k.get(1), c[0])));
        return new Pass(genderAgeList, occupationList, incomes, transfers, measured);
    }

    /** Enough for a few hundred thousand participants' rows and the hash tables over them, per report. */
    static final String WORK_MEM = "64MB";

    /** Per participant in the indicator's denominator: whether they count in its numerator. */
    List<UnitRow> units(ProgrammeGoal goal, long organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + unitsSql(goal.indicator()))
                .param("programme", goal.programmeId()).param("from", from).param("to", to)
                .param("organisation", organisationId)
                .param("ageFrom", goal.ageFrom() == null ? 0 : goal.ageFrom())
                .param("ageTo", goal.ageTo() == null ? 200 : goal.ageTo())
                .param("months", goal.withinMonths() == null ? 0 : goal.withinMonths())
                .query((rs, n) -> new UnitRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBoolean(5),
                        rs.getLong(6), rs.getDouble(7)))
                .list();
    }

    record Measured(long hits, long units, long amount, double days) {
    }

    private static String hasPlanBy(String day) {
        return "coalesce(c.first_step < CAST(" + day + " AS date) + 1, false)";
    }

    private static final String WITH_FIRST_PLAN = " FROM cohort c";

    /** Columns: enrolment_id, person_id, started_on, ended_on, hit, amount, days. Anonymous participants have no plan
     *  and no journey, so the plan and contact indicators count identified participants only. */
    private static String unitsSql(GoalIndicator indicator) {
        String columns = "SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on, ";
        return switch (indicator) {
            case DISCHARGED_WITH_PLAN -> columns + hasPlanBy(":to") + ", 0::bigint, 0::float8" + WITH_FIRST_PLAN
                    + " WHERE c.discharged AND c.person_id IS NOT NULL";
            case PLAN_WITHIN_MONTHS -> columns + "y.has_plan, 0::bigint, 0::float8" + WITH_FIRST_PLAN
                    + " CROSS JOIN LATERAL (SELECT " + hasPlanBy(
                            "LEAST((c.started_on + make_interval(months => :months))::date, CAST(:to AS date))")
                    + " AS has_plan) y"
                    // judged once the months have passed by the period's end, or earlier when the plan is there
                    + " WHERE c.active AND c.person_id IS NOT NULL AND c.age BETWEEN :ageFrom AND :ageTo"
                    + " AND (y.has_plan OR (c.started_on + make_interval(months => :months))::date <= CAST(:to AS date))";
            case PARTICIPANTS -> columns + "true, 0::bigint, 0::float8 FROM cohort c WHERE c.active";
            case DISCHARGED_TO_WORK_OR_STUDIES -> columns + "coalesce(c.end_reason IN ('ARBETE', 'STUDIER'), false)"
                    + " OR coalesce(c.end_occupation IN ('ARBETAR', 'STUDERAR'), false), 0::bigint, 0::float8"
                    + " FROM cohort c WHERE c.discharged";
            case CONTACTS_PER_WEEK -> "SELECT w.enrolment_id, w.person_id, w.started_on, w.ended_on, true,"
                    + " (SELECT count(*) FROM journey_event j WHERE j.person_id = w.person_id AND j.kind = 'KONTAKT'"
                    + " AND j.organisation_id = :organisation AND j.occurred_on BETWEEN w.s AND w.e),"
                    + " (w.e - w.s + 1)::float8 FROM contact_window w";
        };
    }

    Optional<Texts> texts(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT equality, lessons FROM programme_report_text"
                        + " WHERE programme_id = ? AND period_from = ? AND period_to = ?")
                .params(programmeId, from, to).query((rs, n) -> new Texts(rs.getString(1), rs.getString(2)))
                .optional();
    }

    void saveTexts(long programmeId, LocalDate from, LocalDate to, String equality, String lessons, long userId) {
        jdbc.sql("""
                INSERT INTO programme_report_text (programme_id, period_from, period_to, equality, lessons, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme_id, period_from, period_to)
                DO UPDATE SET equality = EXCLUDED.equality, lessons = EXCLUDED.lessons,
                              updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .params(programmeId, from, to, equality, lessons, userId).update();
    }
}
