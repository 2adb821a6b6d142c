package se.lots.progression;

import java.time.LocalDate;
import java.util.List;
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
            ), cohort AS (
                SELECT u.*, extract(year FROM u.started_on)::int - u.birth_year AS age,
                       u.started_on >= CAST(:from AS date) AS registered,
                       coalesce(u.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                                AND u.end_reason IS DISTINCT FROM 'OVERFORD'
                                AND u.end_reason IS DISTINCT FROM 'FELREGISTRERAD', false) AS discharged,
                       (u.ended_on IS NULL OR u.ended_on >= CAST(:from AS date)) AS active
                FROM unit u
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

    List<GenderAgeCount> genderAge(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + """
                SELECT gender, %s AS band, count(*) FILTER (WHERE registered) AS registered,
                       count(*) FILTER (WHERE discharged) AS discharged, count(*) FILTER (WHERE active) AS active
                FROM cohort GROUP BY 1, 2""".formatted(AGE_BAND))
                .param("programme", programmeId).param("from", from).param("to", to)
                .query((rs, n) -> new GenderAgeCount(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Occupation at START and at SLUT of those discharged in the period; null = not registered by the period's end. */
    List<OccupationPair> occupations(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + """
                SELECT s.occupation, e.occupation, count(*)
                FROM cohort c
                LEFT JOIN registration s ON s.participant_id = c.participant_id AND s.kind = 'START'
                                        AND s.measured_on <= CAST(:to AS date)
                LEFT JOIN registration e ON e.participant_id = c.participant_id AND e.kind = 'SLUT'
                                        AND e.measured_on <= CAST(:to AS date)
                WHERE c.discharged
                GROUP BY 1, 2""")
                .param("programme", programmeId).param("from", from).param("to", to)
                .query((rs, n) -> new OccupationPair(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Sources of income at START and SLUT of those discharged in the period (a person may have several). */
    List<IncomeCount> incomes(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + """
                SELECT r.kind, i.income_source, count(*)
                FROM cohort c
                JOIN registration r ON r.participant_id = c.participant_id AND r.measured_on <= CAST(:to AS date)
                JOIN registration_income i ON i.registration_id = r.id
                WHERE c.discharged
                GROUP BY 1, 2""")
                .param("programme", programmeId).param("from", from).param("to", to)
                .query((rs, n) -> new IncomeCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Transfers into the programme (started in the period) and out of it (ended as OVERFORD in the period). */
    List<TransferCount> transfers(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + """
                SELECT true, fp.name, count(*)
                FROM cohort c JOIN enrolment f ON f.id = c.transferred_from JOIN programme fp ON fp.id = f.programme_id
                WHERE c.registered GROUP BY 2
                UNION ALL
                SELECT false, tp.name, count(*)
                FROM cohort c JOIN enrolment t ON t.transferred_from = c.enrolment_id
                                              AND t.started_on <= CAST(:to AS date)
                JOIN programme tp ON tp.id = t.programme_id
                WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                GROUP BY 2
                ORDER BY 2, 1 DESC""")
                .param("programme", programmeId).param("from", from).param("to", to)
                .query((rs, n) -> new TransferCount(rs.getBoolean(1), rs.getString(2), rs.getLong(3))).list();
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

    Measured measure(ProgrammeGoal goal, long organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql(COHORT + "SELECT count(*) FILTER (WHERE hit), count(*), coalesce(sum(amount), 0),"
                        + " coalesce(sum(days), 0) FROM (" + unitsSql(goal.indicator())
                        + ") x (enrolment_id, person_id, started_on, ended_on, hit, amount, days)")
                .param("programme", goal.programmeId()).param("from", from).param("to", to)
                .param("organisation", organisationId)
                .param("ageFrom", goal.ageFrom() == null ? 0 : goal.ageFrom())
                .param("ageTo", goal.ageTo() == null ? 200 : goal.ageTo())
                .param("months", goal.withinMonths() == null ? 0 : goal.withinMonths())
                .query((rs, n) -> new Measured(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)))
                .single();
    }

    // a plan = a plan row with at least one step, counted from the day the step was written
    private static final String HAS_PLAN_BY = "EXISTS (SELECT 1 FROM plan pl JOIN plan_step s ON s.plan_id = pl.id"
            + " WHERE pl.person_id = c.person_id AND s.created_at < CAST(%s AS date) + 1)";

    /** Columns: enrolment_id, person_id, started_on, ended_on, hit, amount, days. Anonymous participants have no plan
     *  and no journey, so the plan and contact indicators count identified participants only. */
    private static String unitsSql(GoalIndicator indicator) {
        String columns = "SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on, ";
        return switch (indicator) {
            case DISCHARGED_WITH_PLAN -> columns + HAS_PLAN_BY.formatted(":to") + ", 0::bigint, 0::float8"
                    + " FROM cohort c WHERE c.discharged AND c.person_id IS NOT NULL";
            case PLAN_WITHIN_MONTHS -> columns + "y.has_plan, 0::bigint, 0::float8 FROM cohort c"
                    + " CROSS JOIN LATERAL (SELECT " + HAS_PLAN_BY.formatted(
                            "LEAST((c.started_on + make_interval(months => :months))::date, CAST(:to AS date))")
                    + " AS has_plan) y"
                    // judged once the months have passed by the period's end, or earlier when the plan is there
                    + " WHERE c.active AND c.person_id IS NOT NULL AND c.age BETWEEN :ageFrom AND :ageTo"
                    + " AND (y.has_plan OR (c.started_on + make_interval(months => :months))::date <= CAST(:to AS date))";
            case PARTICIPANTS -> columns + "true, 0::bigint, 0::float8 FROM cohort c WHERE c.active";
            case DISCHARGED_TO_WORK_OR_STUDIES -> columns
                    + "coalesce(c.end_reason IN ('ARBETE', 'STUDIER'), false) OR coalesce(r.occupation IN ('ARBETAR',"
                    + " 'STUDERAR'), false), 0::bigint, 0::float8 FROM cohort c LEFT JOIN registration r"
                    + " ON r.participant_id = c.participant_id AND r.kind = 'SLUT' AND r.measured_on <= CAST(:to AS date)"
                    + " WHERE c.discharged";
            case CONTACTS_PER_WEEK -> "SELECT w.enrolment_id, w.person_id, w.started_on, w.ended_on, true,"
                    + " (SELECT count(*) FROM journey_event j WHERE j.person_id = w.person_id AND j.kind = 'KONTAKT'"
                    + " AND j.organisation_id = :organisation AND j.occurred_on BETWEEN w.s AND w.e),"
                    + " (w.e - w.s + 1)::float8"
                    + " FROM (SELECT c.*, GREATEST(c.started_on, CAST(:from AS date)) AS s,"
                    + " LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)) AS e"
                    + " FROM cohort c WHERE c.active AND c.person_id IS NOT NULL) w";
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
