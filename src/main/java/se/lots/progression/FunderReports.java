package se.lots.progression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the funder's report and the programme goals. Everything starts from one cohort: a programme's
 * enrolments (less those followed up anonymously, which have their own participant row) plus its anonymous
 * participants, each counted once per programme enrolment. Only rows dated on or before the end of the period are
 * read (enrolment start, discharge, registration and plan-step dates), so a closed period gives the same numbers when
 * the report is generated again later. The plan's tables are read here, not through its service, because the report
 * is one statement over every participant of a programme.
 */
@Repository
class FunderReports {

    // :programme, :from, :to; registered = started in the period; discharged = ended in the period for another
    // reason than a transfer or a wrong registration; active = enrolled at some time in the period
    private static final String UNITS = """
            WITH unit AS (
                SELECT e.id AS enrolment_id, e.person_id, p.id AS participant_id, coalesce(p.gender, y.gender) AS gender,
                       coalesce(p.birth_year, y.birth_year) AS birth_year, e.started_on, e.ended_on, e.end_reason,
                       e.transferred_from
                FROM enrolment e
                JOIN young_person y ON y.id = e.person_id
                LEFT JOIN participant p ON p.enrolment_id = e.id
                WHERE e.programme_id = :programme AND e.started_on <= CAST(:to AS date)
                  AND NOT EXISTS (SELECT 1 FROM anonymous_enrolment a WHERE a.enrolment_id = e.id)
                UNION ALL
                SELECT NULL, NULL, p.id, p.gender, p.birth_year, p.started_on, p.ended_on, NULL, NULL
                FROM participant p
                WHERE p.programme_id = :programme AND p.enrolment_id IS NULL AND p.started_on <= CAST(:to AS date)
            ), cohort AS (
                SELECT u.*, extract(year FROM u.started_on)::int - u.birth_year AS age,
                       u.started_on >= CAST(:from AS date) AS registered,
                       coalesce(u.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                                AND u.end_reason IS DISTINCT FROM 'OVERFORD'
                                AND u.end_reason IS DISTINCT FROM 'FELREGISTRERAD', false) AS discharged,
                       (u.ended_on IS NULL OR u.ended_on >= CAST(:from AS date)) AS active
                FROM unit u
            ), first_plan AS (
                -- a plan = a plan row with at least one step, counted from the day its first step was written
                SELECT pl.person_id, min(s.created_at) AS first_step
                FROM plan pl JOIN plan_step s ON s.plan_id = pl.id
                WHERE pl.person_id IN (SELECT e.person_id FROM enrolment e WHERE e.programme_id = :programme)
                GROUP BY pl.person_id
            )""";

    /** The cohort and its parts for the participants behind one goal ({@link #units}). */
    static final String COHORT = UNITS + """
            , contact_window AS (
                SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on,
                       GREATEST(c.started_on, CAST(:from AS date)) AS s,
                       LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)) AS e
                FROM cohort c WHERE c.active AND c.person_id IS NOT NULL
            ), discharged AS (
                -- START and SLUT of those discharged; null = not registered by the period's end
                SELECT c.enrolment_id, c.person_id, c.participant_id, c.started_on, c.ended_on, c.end_reason,
                       s.occupation AS end_occupation
                FROM cohort c
                LEFT JOIN registration s ON s.participant_id = c.participant_id AND s.kind = 'SLUT'
                                        AND s.measured_on <= CAST(:to AS date)
                WHERE c.discharged
            )
            """;

    /**
     * The report in one pass: every participant once, as one row with what the tables and goals need (START and SLUT
     * only for those discharged, the day of the first plan step), materialised once and then aggregated.
     */
    private static final String WIDE = UNITS + """
            , wide AS MATERIALIZED (
                SELECT c.enrolment_id, c.person_id, c.gender, c.age, c.started_on, c.ended_on, c.end_reason,
                       c.transferred_from, c.registered, c.discharged, c.active, fp.first_step,
                       s.id AS start_id, s.occupation AS start_occupation, r.id AS end_id, r.occupation AS end_occupation
                FROM cohort c
                LEFT JOIN registration s ON c.discharged AND s.participant_id = c.participant_id AND s.kind = 'START'
                                        AND s.measured_on <= CAST(:to AS date)
                LEFT JOIN registration r ON c.discharged AND r.participant_id = c.participant_id AND r.kind = 'SLUT'
                                        AND r.measured_on <= CAST(:to AS date)
                LEFT JOIN first_plan fp ON fp.person_id = c.person_id
            )
            """;

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
     * Everything the report shows ({@code tables}) or only the goals (the goals page), as one statement over the
     * participants read once. Rows: part, two keys, the counts as an array (registered, discharged, active, then per
     * goal its numerator, denominator and participant-days). One aggregate with grouping sets gives the
     * gender × age table ('A'), the occupation pairs at START and SLUT of those discharged ('O') and, in the same
     * scan, every goal's numerator, denominator and days ('G'); sources of income ('I', not additive: several per
     * person), transfers ('T') and the contacts of a contacts goal ('C') read the same materialised rows.
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
        var sql = new StringBuilder(WIDE);
        if (tables) {
            sql.append("SELECT CASE GROUPING(gender, start_occupation) WHEN 1 THEN 'A' WHEN 2 THEN 'O' ELSE 'G' END,")
                    .append(" CASE GROUPING(gender, start_occupation) WHEN 1 THEN gender ELSE start_occupation END,")
                    .append(" CASE GROUPING(gender, start_occupation) WHEN 1 THEN band::text ELSE end_occupation END, ")
                    .append(array).append(" FROM (SELECT w.*, ").append(AGE_BAND).append(" AS band FROM wide w) w")
                    .append(" GROUP BY GROUPING SETS ((gender, band), (start_occupation, end_occupation), ())");
            // sources of income of those discharged, at START and SLUT
            sql.append("\nUNION ALL\nSELECT 'I', r.kind, i.income_source, ARRAY[count(*)]::float8[]")
                    .append(" FROM (SELECT start_id AS id, 'START' AS kind FROM wide WHERE start_id IS NOT NULL")
                    .append(" UNION ALL SELECT end_id, 'SLUT' FROM wide WHERE end_id IS NOT NULL) r")
                    .append(" JOIN registration_income i ON i.registration_id = r.id GROUP BY 2, 3");
            // into the programme (started in the period) and out of it (ended as OVERFORD in the period)
            sql.append("\nUNION ALL\nSELECT 'T', fp.name, 'IN', ARRAY[count(*)]::float8[]")
                    .append(" FROM wide c JOIN enrolment f ON f.id = c.transferred_from")
                    .append(" JOIN programme fp ON fp.id = f.programme_id WHERE c.registered GROUP BY 2")
                    .append("\nUNION ALL\nSELECT 'T', tp.name, 'OUT', ARRAY[count(*)]::float8[]")
                    .append(" FROM wide c JOIN enrolment t ON t.transferred_from = c.enrolment_id")
                    .append(" AND t.started_on <= CAST(:to AS date) JOIN programme tp ON tp.id = t.programme_id")
                    .append(" WHERE c.end_reason = 'OVERFORD'")
                    .append(" AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date) GROUP BY 2");
        } else {
            sql.append("SELECT 'G', NULL, NULL, ").append(array).append(" FROM wide");
        }
        if (contacts) {
            // journey events KONTAKT by the programme's organisation while each participant was in the programme
            sql.append("\nUNION ALL\nSELECT 'C', NULL, NULL, ARRAY[count(*)]::float8[] FROM wide w")
                    .append(" JOIN journey_event j ON j.person_id = w.person_id AND j.kind = 'KONTAKT'")
                    .append(" AND j.organisation_id = :organisation AND j.occurred_on")
                    .append(" BETWEEN GREATEST(w.started_on, CAST(:from AS date))")
                    .append(" AND LEAST(coalesce(w.ended_on, CAST(:to AS date)), CAST(:to AS date))")
                    .append(" WHERE w.active AND w.person_id IS NOT NULL");
        }
        return new Statement(sql.append("\nORDER BY 1, 2, 3").toString(), params);
    }

    /** The report's tables and its goals' measures, from one statement. */
    Pass pass(long programmeId, long organisationId, LocalDate from, LocalDate to, List<ProgrammeGoal> goals,
            boolean tables) {
        var genderAge = new ArrayList<GenderAgeCount>();
        var occupations = new ArrayList<OccupationPair>();
        var incomes = new ArrayList<IncomeCount>();
        var transfers = new ArrayList<TransferCount>();
        var measured = new HashMap<Long, Measured>();
        Statement statement = passStatement(programmeId, organisationId, from, to, goals, tables);
        if (statement == null) {
            return new Pass(genderAge, occupations, incomes, transfers, measured);
        }
        // the participants' rows are held in memory once instead of spilling to disk at the default 4 MB
        jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        var goalValues = new double[1][];
        var contactCount = new long[1];
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            Double[] v = (Double[]) rs.getArray(4).getArray();
            long first = v[0].longValue();
            switch (rs.getString(1)) {
                case "A" -> genderAge.add(new GenderAgeCount(rs.getString(2), Integer.parseInt(rs.getString(3)), first,
                        v[1].longValue(), v[2].longValue()));
                case "O" -> {
                    // the grouping set runs over everyone; only the discharged have occupations to report
                    if (v[1] > 0) {
                        occupations.add(new OccupationPair(rs.getString(2), rs.getString(3), v[1].longValue()));
                    }
                }
                case "I" -> incomes.add(new IncomeCount(rs.getString(2), rs.getString(3), first));
                case "T" -> transfers.add(new TransferCount("IN".equals(rs.getString(3)), rs.getString(2), first));
                case "C" -> contactCount[0] = first;
                default -> goalValues[0] = java.util.Arrays.stream(v).mapToDouble(Double::doubleValue).toArray();
            }
        });
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            double[] v = goalValues[0];
            int at = 3 + 3 * n;
            long amount = g.indicator() == GoalIndicator.CONTACTS_PER_WEEK ? contactCount[0] : 0;
            measured.put(g.id(), new Measured((long) v[at], (long) v[at + 1], amount, v[at + 2]));
        }
        return new Pass(genderAge, occupations, incomes, transfers, measured);
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

    // first_plan is joined (a hash join over the cohort), not probed per participant
    private static String hasPlanBy(String day) {
        return "coalesce(fp.first_step < CAST(" + day + " AS date) + 1, false)";
    }

    private static final String WITH_FIRST_PLAN = " FROM cohort c LEFT JOIN first_plan fp ON fp.person_id = c.person_id";

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
            case DISCHARGED_TO_WORK_OR_STUDIES -> "SELECT d.enrolment_id, d.person_id, d.started_on, d.ended_on,"
                    + " coalesce(d.end_reason IN ('ARBETE', 'STUDIER'), false) OR coalesce(d.end_occupation IN"
                    + " ('ARBETAR', 'STUDERAR'), false), 0::bigint, 0::float8 FROM discharged d";
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
