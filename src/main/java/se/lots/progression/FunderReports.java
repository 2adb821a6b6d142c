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
    // reason than a transfer or a wrong registration; active = enrolled at some time in the period. The cohort is
    // materialised: the report's tables and goals all read it, so the enrolments are read once.
    static final String COHORT = """
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
            ), cohort AS MATERIALIZED (
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
                WHERE pl.person_id IN (SELECT person_id FROM cohort)
                GROUP BY pl.person_id
            ), contact_window AS (
                SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on,
                       GREATEST(c.started_on, CAST(:from AS date)) AS s,
                       LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)) AS e
                FROM cohort c WHERE c.active AND c.person_id IS NOT NULL
            ), discharged AS (
                -- START and SLUT of those discharged; null = not registered by the period's end
                SELECT c.enrolment_id, c.person_id, c.participant_id, c.started_on, c.ended_on, c.end_reason,
                       s.id AS start_id, s.occupation AS start_occupation, r.id AS end_id, r.occupation AS end_occupation
                FROM cohort c
                LEFT JOIN registration s ON s.participant_id = c.participant_id AND s.kind = 'START'
                                        AND s.measured_on <= CAST(:to AS date)
                LEFT JOIN registration r ON r.participant_id = c.participant_id AND r.kind = 'SLUT'
                                        AND r.measured_on <= CAST(:to AS date)
                WHERE c.discharged
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

    // every part of the report as rows of one shape: part, goal, two keys, three counts and a sum of days
    private static final String GENDER_AGE = """
            SELECT 'A' AS part, NULL::bigint AS goal, gender AS k1, (%s)::text AS k2,
                   count(*) FILTER (WHERE registered) AS n1, count(*) FILTER (WHERE discharged) AS n2,
                   count(*) FILTER (WHERE active) AS n3, 0::float8 AS d
            FROM cohort GROUP BY 3, 4""";
    private static final String OCCUPATIONS = """
            SELECT 'O', NULL, start_occupation, end_occupation, count(*), 0::bigint, 0::bigint, 0::float8
            FROM discharged GROUP BY 3, 4""";
    // a person may have several sources of income, so this table is not additive
    private static final String INCOMES = """
            SELECT 'I', NULL, r.kind, i.income_source, count(*), 0::bigint, 0::bigint, 0::float8
            FROM discharged d CROSS JOIN LATERAL (VALUES ('START', d.start_id), ('SLUT', d.end_id)) r (kind, id)
            JOIN registration_income i ON i.registration_id = r.id
            GROUP BY 3, 4""";
    // into the programme (started in the period) and out of it (ended as OVERFORD in the period)
    private static final String TRANSFERS = """
            SELECT 'T', NULL, fp.name, 'IN', count(*), 0::bigint, 0::bigint, 0::float8
            FROM cohort c JOIN enrolment f ON f.id = c.transferred_from JOIN programme fp ON fp.id = f.programme_id
            WHERE c.registered GROUP BY 3
            UNION ALL
            SELECT 'T', NULL, tp.name, 'OUT', count(*), 0::bigint, 0::bigint, 0::float8
            FROM cohort c JOIN enrolment t ON t.transferred_from = c.enrolment_id
                                          AND t.started_on <= CAST(:to AS date)
            JOIN programme tp ON tp.id = t.programme_id
            WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
            GROUP BY 3""";

    /** Everything the report shows ({@code tables}) or only the goals (the goals page), in one statement. */
    Pass pass(long programmeId, long organisationId, LocalDate from, LocalDate to, List<ProgrammeGoal> goals,
            boolean tables) {
        var parts = new ArrayList<String>();
        if (tables) {
            parts.add(GENDER_AGE.formatted(AGE_BAND));
            parts.add(OCCUPATIONS);
            parts.add(INCOMES);
            parts.add(TRANSFERS);
        }
        var params = new HashMap<String, Object>(Map.of("programme", programmeId, "from", from, "to", to,
                "organisation", organisationId));
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            String branch = g.indicator() == GoalIndicator.CONTACTS_PER_WEEK
                    ? "SELECT 'G', CAST(:goal AS bigint), NULL, NULL, count(*), count(*), (SELECT count(*)"
                            + " FROM contact_window w JOIN journey_event j ON j.person_id = w.person_id"
                            + " AND j.kind = 'KONTAKT' AND j.organisation_id = :organisation"
                            + " AND j.occurred_on BETWEEN w.s AND w.e), coalesce(sum(w.e - w.s + 1), 0)::float8"
                            + " FROM contact_window w"
                    : "SELECT 'G', CAST(:goal AS bigint), NULL, NULL, count(*) FILTER (WHERE hit), count(*),"
                            + " coalesce(sum(amount), 0)::bigint, coalesce(sum(days), 0)::float8 FROM ("
                            + unitsSql(g.indicator()) + ") x (enrolment_id, person_id, started_on, ended_on, hit,"
                            + " amount, days)";
            // each goal its own parameters: :goal3, :ageFrom3 …
            parts.add(branch.replace(":goal", ":goal" + n).replace(":ageFrom", ":ageFrom" + n)
                    .replace(":ageTo", ":ageTo" + n).replace(":months", ":months" + n));
            params.put("goal" + n, g.id());
            params.put("ageFrom" + n, g.ageFrom() == null ? 0 : g.ageFrom());
            params.put("ageTo" + n, g.ageTo() == null ? 200 : g.ageTo());
            params.put("months" + n, g.withinMonths() == null ? 0 : g.withinMonths());
        }
        var genderAge = new ArrayList<GenderAgeCount>();
        var occupations = new ArrayList<OccupationPair>();
        var incomes = new ArrayList<IncomeCount>();
        var transfers = new ArrayList<TransferCount>();
        var measured = new HashMap<Long, Measured>();
        if (parts.isEmpty()) {
            return new Pass(genderAge, occupations, incomes, transfers, measured);
        }
        jdbc.sql(COHORT + String.join("\nUNION ALL\n", parts) + "\nORDER BY 1, 3, 4").params(params).query(rs -> {
            switch (rs.getString(1)) {
                case "A" -> genderAge.add(new GenderAgeCount(rs.getString(3), Integer.parseInt(rs.getString(4)),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                case "O" -> occupations.add(new OccupationPair(rs.getString(3), rs.getString(4), rs.getLong(5)));
                case "I" -> incomes.add(new IncomeCount(rs.getString(3), rs.getString(4), rs.getLong(5)));
                case "T" -> transfers.add(new TransferCount("IN".equals(rs.getString(4)), rs.getString(3),
                        rs.getLong(5)));
                default -> measured.put(rs.getLong(2), new Measured(rs.getLong(5), rs.getLong(6), rs.getLong(7),
                        rs.getDouble(8)));
            }
        });
        return new Pass(genderAge, occupations, incomes, transfers, measured);
    }

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
