package se.lots.progression.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.progression.GoalIndicator;
import se.lots.progression.ProgrammeGoal;

/**
 * The SQL behind the funder's report, the programme goals and Uppföljning Finsam: one complete statement per table,
 * each a plain SELECT from {@code follow_up_cohort(:programme, :from, :to)} (R__progression_functions.sql), the one
 * definition of a programme's cohort in a period: its enrolments (less those followed up anonymously, which have their
 * own participation) plus its anonymous participations, each counted once per programme enrolment, with whether each
 * was registered, discharged and active in the period. Only what is dated on or before the end of the period is
 * counted (enrolment start, discharge, registration and plan-step dates), so a closed period gives the same numbers
 * when the report is generated again later. The cohort reads {@code follow_up_unit}, which the database keeps in step
 * with the enrolments, participations, registrations, plan steps and the journey (V29–V33).
 *
 * <p>Every statement can be pasted into psql: {@code \set programme 7}, {@code \set from '''2026-01-01'''},
 * {@code \set to '''2026-06-30'''} (and {@code \set organisation 3} where the journey is read). The plan module's
 * enrolments, programmes and journey are read through its published views ({@code plan_enrolment},
 * {@code plan_programme}, {@code plan_journey_event}, V43).
 */
@Repository
public class FunderReports {

    /** Enough for a few hundred thousand participants' rows and the hash tables over them, per report. */
    static final String WORK_MEM = "64MB";

    /**
     * The registered (started in the period), the discharged (ended in it for another reason than a transfer or a
     * wrong registration) and the active (enrolled at some time in it) by gender and age band: the report's first two
     * tables and its Uppföljning Finsam table.
     */
    static final String BY_GENDER_AND_AGE = """
            SELECT gender, age_band,
                   count(*) FILTER (WHERE registered) AS registered,
                   count(*) FILTER (WHERE discharged) AS discharged,
                   count(*) FILTER (WHERE active) AS active
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))
             GROUP BY gender, age_band
             ORDER BY gender, age_band""";

    /**
     * The discharged by their occupation at START and at SLUT (null: not registered by the period's end), and by
     * their sources of income at each: the report's occupation and income tables. One statement for the two, because
     * both count the same discharged participants and reading them is most of the report's time; grouped by the
     * arrays of sources, which are few, and counted per source below.
     */
    static final String DISCHARGED_BY_OCCUPATION_AND_INCOME = """
            SELECT start_occupation, end_occupation, start_incomes, end_incomes, count(*) AS discharged
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))
             WHERE discharged
             GROUP BY start_occupation, end_occupation, start_incomes, end_incomes""";

    /**
     * Transfers into the programme (started in the period, transferred from another programme) and out of it (ended
     * as OVERFORD in the period), by the other programme: read from the few transferred units by their own indexes.
     */
    static final String TRANSFERS = """
            SELECT 'IN' AS direction, fp.name AS programme, count(*) AS participants
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date)) c
              JOIN plan_enrolment f ON f.id = c.transferred_from
              JOIN plan_programme fp ON fp.id = f.programme_id
             WHERE c.registered AND c.transferred_from IS NOT NULL
             GROUP BY fp.name
            UNION ALL
            SELECT 'OUT', tp.name, count(*)
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date)) c
              JOIN plan_enrolment t ON t.transferred_from = c.enrolment_id AND t.started_on <= CAST(:to AS date)
              JOIN plan_programme tp ON tp.id = t.programme_id
             WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
             GROUP BY tp.name
             ORDER BY programme, direction""";

    /**
     * What every goal indicator is computed from ({@link GoalIndicator}), in one reading of the cohort: for each, who
     * is in its denominator and who of them in its numerator. Anonymous participants have no plan and no journey, so
     * the plan and journey indicators count identified participants only. A plan within N months is judged once the
     * months have passed by the period's end ({@code :dueBy}, the latest start whose months have passed, see
     * {@link #dueBy}), or earlier when the plan is there; its parameters are one goal's ({@code :ageFrom},
     * {@code :ageTo}, {@code :months}). Contacts and group activities: those of the participants whose every one
     * falls in the period are the stored counts; the participants the period cuts ({@code contacts_cut}) are counted
     * from the journey by {@link #JOURNEY_EVENTS_CUT}. {@code :changed} (null for every unit): only those units
     * ({@link GoalMeasureCache}).
     * {@link #UNITS_BEHIND_A_GOAL} lists the same participants one by one.
     */
    static final String GOAL_MEASURES = """
            SELECT count(*) FILTER (WHERE active) AS active,
                   count(*) FILTER (WHERE discharged) AS discharged,
                   count(*) FILTER (WHERE discharged AND (end_reason IN ('ARBETE', 'STUDIER')
                                                          OR end_occupation IN ('ARBETAR', 'STUDERAR')))
                       AS discharged_to_work_or_studies,
                   count(*) FILTER (WHERE discharged AND person_id IS NOT NULL) AS discharged_identified,
                   count(*) FILTER (WHERE discharged AND person_id IS NOT NULL AND plan_months IS NOT NULL)
                       AS discharged_identified_with_plan,
                   count(*) FILTER (WHERE active AND person_id IS NOT NULL
                                    AND age BETWEEN CAST(:ageFrom AS int) AND CAST(:ageTo AS int)
                                    AND (plan_months <= CAST(:months AS int) OR started_on <= CAST(:dueBy AS date)))
                       AS plan_due,
                   count(*) FILTER (WHERE active AND person_id IS NOT NULL
                                    AND age BETWEEN CAST(:ageFrom AS int) AND CAST(:ageTo AS int)
                                    AND plan_months <= CAST(:months AS int)) AS plan_within_months,
                   count(*) FILTER (WHERE active AND person_id IS NOT NULL) AS active_identified,
                   coalesce(sum(days_in_period) FILTER (WHERE active AND person_id IS NOT NULL), 0)
                       AS active_identified_days,
                   coalesce(sum(contacts) FILTER (WHERE active AND person_id IS NOT NULL AND contacts_in_period), 0)
                       AS contacts_in_period,
                   count(*) FILTER (WHERE active AND person_id IS NOT NULL AND contacts > 0 AND NOT contacts_in_period)
                       AS contacts_cut,
                   coalesce(sum(group_activities) FILTER (WHERE active AND person_id IS NOT NULL
                                                          AND groups_in_period), 0)
                       AS group_activities_in_period,
                   count(*) FILTER (WHERE active AND person_id IS NOT NULL AND group_activities > 0
                                    AND NOT groups_in_period) AS group_activities_cut
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))
             WHERE CAST(:changed AS uuid[]) IS NULL OR id = ANY (CAST(:changed AS uuid[]))""";

    /**
     * {@link #GOAL_MEASURES} over the {@code :changed} units as snapshot {@code :kept} saw them
     * ({@code follow_up_cohort_as_seen}, V32's images), for {@link GoalMeasureCache}: the same statement from the
     * other function.
     */
    static final String GOAL_MEASURES_AS_SEEN = asSeen(GOAL_MEASURES);

    /**
     * Journey events of {@code :kind} (KONTAKT or GRUPPAKTIVITET) by the programme's organisation in the period while
     * each identified participant whose events the period cuts was enrolled (the others' are the stored counts,
     * {@link #GOAL_MEASURES}); {@code :changed} as there. A join, not a look-up per participant, and the period
     * repeated on the journey's side: for the year so far at 250 000 participants (30 000 of them with contacts cut)
     * a parallel hash join of the period's contacts took 150 ms where the look-ups took 330 ms.
     */
    static final String JOURNEY_EVENTS_CUT = """
            SELECT count(*) AS journey_events
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date)) c
              JOIN plan_journey_event j ON j.person_id = c.person_id AND j.kind = CAST(:kind AS text)
                   AND j.organisation_id = :organisation
                   AND j.occurred_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                   AND j.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                         AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
             WHERE c.active AND c.person_id IS NOT NULL
               AND CASE CAST(:kind AS text) WHEN 'KONTAKT' THEN c.contacts > 0 AND NOT c.contacts_in_period
                                            ELSE c.group_activities > 0 AND NOT c.groups_in_period END
               AND (CAST(:changed AS uuid[]) IS NULL OR c.id = ANY (CAST(:changed AS uuid[])))""";

    /**
     * {@link #JOURNEY_EVENTS_CUT} as snapshot {@code :kept} saw them, for {@link GoalMeasureCache}: over the changed
     * units as it saw them, those in the journey now less the changes it did not see (V32's log of the journey).
     */
    static final String JOURNEY_EVENTS_CUT_AS_SEEN = """
            SELECT (SELECT count(*)
                      FROM follow_up_cohort_as_seen(:programme, CAST(:from AS date), CAST(:to AS date),
                                                    CAST(:changed AS uuid[]), CAST(:kept AS text)) c
                      JOIN plan_journey_event j ON j.person_id = c.person_id AND j.kind = CAST(:kind AS text)
                           AND j.organisation_id = :organisation
                           AND j.occurred_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                           AND j.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                                 AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
                     WHERE c.active AND c.person_id IS NOT NULL
                       AND CASE CAST(:kind AS text) WHEN 'KONTAKT' THEN c.contacts > 0 AND NOT c.contacts_in_period
                                                    ELSE c.group_activities > 0 AND NOT c.groups_in_period END)
                 - (SELECT coalesce(sum(l.delta), 0)
                      FROM follow_up_cohort_as_seen(:programme, CAST(:from AS date), CAST(:to AS date),
                                                    CAST(:changed AS uuid[]), CAST(:kept AS text)) c
                      JOIN follow_up_contact_change l ON l.person_id = c.person_id AND l.kind = CAST(:kind AS text)
                           AND l.organisation_id = :organisation
                           AND l.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                                 AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
                           AND follow_up_unseen(l.xid, CAST(:kept AS text))
                     WHERE c.active AND c.person_id IS NOT NULL
                       AND CASE CAST(:kind AS text) WHEN 'KONTAKT' THEN c.contacts > 0 AND NOT c.contacts_in_period
                                                    ELSE c.group_activities > 0 AND NOT c.groups_in_period END)
                   AS journey_events""";

    /** How {@link #GOAL_MEASURES} ends: it reads the units as they are now. */
    private static final String COHORT_NOW = "FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))"
            + " WHERE CAST(:changed AS uuid[]) IS NULL OR id = ANY (CAST(:changed AS uuid[]))";

    /** The statement over the changed units as snapshot :kept saw them instead of the units as they are now. */
    private static String asSeen(String statement) {
        int from = statement.lastIndexOf("FROM follow_up_cohort(");
        if (from < 0 || !statement.substring(from).replaceAll("\\s+", " ").equals(COHORT_NOW)) {
            throw new IllegalStateException("the statement does not end by reading follow_up_cohort");
        }
        return statement.substring(0, from) + "FROM follow_up_cohort_as_seen(:programme, CAST(:from AS date),"
                + " CAST(:to AS date), CAST(:changed AS uuid[]), CAST(:kept AS text))";
    }

    /**
     * The participants in a share or count goal's denominator, and whether each counts in its numerator: the rules of
     * {@link #GOAL_MEASURES}, one participant a row.
     */
    static final String UNITS_BEHIND_A_GOAL = """
            SELECT enrolment_id, person_id, started_on, ended_on,
                   coalesce(CASE CAST(:indicator AS text)
                                WHEN 'DISCHARGED_WITH_PLAN' THEN plan_months IS NOT NULL
                                WHEN 'PLAN_WITHIN_MONTHS' THEN plan_months <= CAST(:months AS int)
                                WHEN 'DISCHARGED_TO_WORK_OR_STUDIES' THEN end_reason IN ('ARBETE', 'STUDIER')
                                                                       OR end_occupation IN ('ARBETAR', 'STUDERAR')
                                ELSE true END, false) AS counted
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))
             WHERE CASE CAST(:indicator AS text)
                       WHEN 'DISCHARGED_WITH_PLAN' THEN discharged AND person_id IS NOT NULL
                       WHEN 'PLAN_WITHIN_MONTHS' THEN active AND person_id IS NOT NULL
                            AND age BETWEEN CAST(:ageFrom AS int) AND CAST(:ageTo AS int)
                            AND (plan_months <= CAST(:months AS int) OR started_on <= CAST(:dueBy AS date))
                       WHEN 'PARTICIPANTS' THEN active
                       WHEN 'DISCHARGED_TO_WORK_OR_STUDIES' THEN discharged
                   END""";

    /**
     * The identified participants active in the period behind a goal per participant-week, each with their journey
     * events of {@code :kind} by the programme's organisation while enrolled in the period, and their days in it.
     */
    static final String UNITS_BEHIND_A_WEEKLY_GOAL = """
            SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on, true AS counted,
                   (SELECT count(*) FROM plan_journey_event j
                     WHERE j.person_id = c.person_id AND j.kind = CAST(:kind AS text)
                       AND j.organisation_id = :organisation
                       AND j.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                             AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)))
                       AS journey_events,
                   c.days_in_period
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date)) c
             WHERE c.active AND c.person_id IS NOT NULL""";

    /** Uppföljning Finsam: per programme and gender, the active, the new and the discharged, as in the report. */
    static final String FINSAM = """
            SELECT programme_id, gender,
                   count(*) FILTER (WHERE active) AS active,
                   count(*) FILTER (WHERE registered) AS registered,
                   count(*) FILTER (WHERE discharged) AS discharged
              FROM follow_up_cohort(NULL, CAST(:from AS date), CAST(:to AS date))
             GROUP BY programme_id, gender""";

    /**
     * {@link #BY_GENDER_AND_AGE} for every programme at once: the published set of a fixed period (Uppföljning Finsam,
     * every programme's suppressed report and the Finsam export) is suppressed together, so it is read together.
     */
    static final String ALL_BY_GENDER_AND_AGE = """
            SELECT programme_id, gender, age_band,
                   count(*) FILTER (WHERE registered) AS registered,
                   count(*) FILTER (WHERE discharged) AS discharged,
                   count(*) FILTER (WHERE active) AS active
              FROM follow_up_cohort(NULL, CAST(:from AS date), CAST(:to AS date))
             GROUP BY programme_id, gender, age_band
            HAVING count(*) FILTER (WHERE active) > 0""";

    /** {@link #DISCHARGED_BY_OCCUPATION_AND_INCOME} for every programme at once. */
    static final String ALL_DISCHARGED_BY_OCCUPATION_AND_INCOME = """
            SELECT programme_id, start_occupation, end_occupation, start_incomes, end_incomes, count(*) AS discharged
              FROM follow_up_cohort(NULL, CAST(:from AS date), CAST(:to AS date))
             WHERE discharged
             GROUP BY programme_id, start_occupation, end_occupation, start_incomes, end_incomes""";

    /** {@link #TRANSFERS} for every programme at once. */
    static final String ALL_TRANSFERS = """
            SELECT c.programme_id, 'IN' AS direction, fp.name AS programme, count(*) AS participants
              FROM follow_up_cohort(NULL, CAST(:from AS date), CAST(:to AS date)) c
              JOIN plan_enrolment f ON f.id = c.transferred_from
              JOIN plan_programme fp ON fp.id = f.programme_id
             WHERE c.registered AND c.transferred_from IS NOT NULL
             GROUP BY c.programme_id, fp.name
            UNION ALL
            SELECT c.programme_id, 'OUT', tp.name, count(*)
              FROM follow_up_cohort(NULL, CAST(:from AS date), CAST(:to AS date)) c
              JOIN plan_enrolment t ON t.transferred_from = c.enrolment_id AND t.started_on <= CAST(:to AS date)
              JOIN plan_programme tp ON tp.id = t.programme_id
             WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
             GROUP BY c.programme_id, tp.name""";

    /**
     * The participants of a programme in a period with their start and end registrations, one unit a row, for the
     * programme lead's per-participant file: the units the report counts, as {@code follow_up_cohort} has them.
     */
    static final String PARTICIPANT_REGISTRATIONS = """
            SELECT person_id, gender, age_band, started_on, ended_on, end_reason, registered, discharged,
                   start_occupation, start_incomes, end_occupation, end_incomes
              FROM follow_up_cohort(:programme, CAST(:from AS date), CAST(:to AS date))
             WHERE active
             ORDER BY started_on, id""";

    /** One row of {@link #BY_GENDER_AND_AGE}; {@code band} 0–3 for 16–19, 20–24, 25–29 and any other age. */
    public record GenderAgeCount(String gender, int band, long registered, long discharged, long active) {
    }

    public record OccupationPair(String start, String end, long count) {
    }

    public record IncomeCount(String kind, String source, long count) {
    }

    public record TransferCount(boolean in, String programme, long count) {
    }

    /** The report's tables apart from the goals. */
    public record Tables(List<GenderAgeCount> genderAge, List<OccupationPair> occupations, List<IncomeCount> incomes,
            List<TransferCount> transfers) {
    }

    /** Uppföljning Finsam: per programme and gender, the active, the new and the discharged (as in the report). */
    public record FinsamCount(long programmeId, String gender, long active, long registered, long discharged) {
    }

    /** One participant behind an indicator: in its denominator, {@code hit} when counted in the numerator. */
    public record UnitRow(UUID enrolmentId, UUID personId, LocalDate startedOn, LocalDate endedOn, boolean hit,
            long amount, double days) {
    }

    /**
     * A goal measured: {@code hits} of {@code units} participants; for a goal per participant-week {@code amount}
     * journey events over {@code days} participant-days. Every field is a sum over units.
     */
    public record Measured(long hits, long units, long amount, double days) {
    }

    public record Texts(String equality, String lessons) {
    }

    private final JdbcClient jdbc;

    FunderReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report's tables: by gender and age band, the discharged's occupations and incomes, transfers. */
    public Tables tables(long programmeId, LocalDate from, LocalDate to) {
        plannedForTheseDates();
        Map<String, Object> period = Map.of("programme", programmeId, "from", from, "to", to);
        List<GenderAgeCount> genderAge = jdbc.sql(BY_GENDER_AND_AGE).params(period)
                .query((rs, n) -> new GenderAgeCount(rs.getString("gender"), rs.getInt("age_band"),
                        rs.getLong("registered"), rs.getLong("discharged"), rs.getLong("active")))
                .list();
        var occupations = new LinkedHashMap<List<String>, long[]>();
        var incomes = new LinkedHashMap<List<String>, long[]>();
        jdbc.sql(DISCHARGED_BY_OCCUPATION_AND_INCOME).params(period).query(rs -> {
            long discharged = rs.getLong("discharged");
            occupations.computeIfAbsent(java.util.Arrays.asList(rs.getString("start_occupation"),
                    rs.getString("end_occupation")), k -> new long[1])[0] += discharged;
            for (String kind : List.of("START", "SLUT")) {
                for (String source : sources(rs, kind.equals("START") ? "start_incomes" : "end_incomes")) {
                    incomes.computeIfAbsent(List.of(kind, source), k -> new long[1])[0] += discharged;
                }
            }
        });
        List<TransferCount> transfers = jdbc.sql(TRANSFERS).params(period)
                .query((rs, n) -> new TransferCount("IN".equals(rs.getString("direction")),
                        rs.getString("programme"), rs.getLong("participants")))
                .list();
        var occupationList = new ArrayList<OccupationPair>();
        occupations.forEach((k, c) -> occupationList.add(new OccupationPair(k.get(0), k.get(1), c[0])));
        var incomeList = new ArrayList<IncomeCount>();
        incomes.forEach((k, c) -> incomeList.add(new IncomeCount(k.get(0), k.get(1), c[0])));
        return new Tables(genderAge, occupationList, incomeList, transfers);
    }

    /** The report's tables of every programme with participants in the period, by programme. */
    public Map<Long, Tables> allTables(LocalDate from, LocalDate to) {
        plannedForTheseDates();
        Map<String, Object> period = Map.of("from", from, "to", to);
        var genderAge = new HashMap<Long, List<GenderAgeCount>>();
        jdbc.sql(ALL_BY_GENDER_AND_AGE).params(period).query(rs -> {
            genderAge.computeIfAbsent(rs.getLong("programme_id"), k -> new ArrayList<>())
                    .add(new GenderAgeCount(rs.getString("gender"), rs.getInt("age_band"), rs.getLong("registered"),
                            rs.getLong("discharged"), rs.getLong("active")));
        });
        var occupations = new HashMap<Long, Map<List<String>, long[]>>();
        var incomes = new HashMap<Long, Map<List<String>, long[]>>();
        jdbc.sql(ALL_DISCHARGED_BY_OCCUPATION_AND_INCOME).params(period).query(rs -> {
            long programme = rs.getLong("programme_id");
            long discharged = rs.getLong("discharged");
            occupations.computeIfAbsent(programme, k -> new LinkedHashMap<>()).computeIfAbsent(
                    java.util.Arrays.asList(rs.getString("start_occupation"), rs.getString("end_occupation")),
                    k -> new long[1])[0] += discharged;
            for (String kind : List.of("START", "SLUT")) {
                for (String source : sources(rs, kind.equals("START") ? "start_incomes" : "end_incomes")) {
                    incomes.computeIfAbsent(programme, k -> new LinkedHashMap<>())
                            .computeIfAbsent(List.of(kind, source), k -> new long[1])[0] += discharged;
                }
            }
        });
        var transfers = new HashMap<Long, List<TransferCount>>();
        jdbc.sql(ALL_TRANSFERS).params(period).query(rs -> {
            transfers.computeIfAbsent(rs.getLong("programme_id"), k -> new ArrayList<>())
                    .add(new TransferCount("IN".equals(rs.getString("direction")), rs.getString("programme"),
                            rs.getLong("participants")));
        });
        var all = new HashMap<Long, Tables>();
        for (long programme : genderAge.keySet()) {
            var occupationList = new ArrayList<OccupationPair>();
            occupations.getOrDefault(programme, Map.of())
                    .forEach((k, c) -> occupationList.add(new OccupationPair(k.get(0), k.get(1), c[0])));
            var incomeList = new ArrayList<IncomeCount>();
            incomes.getOrDefault(programme, Map.of())
                    .forEach((k, c) -> incomeList.add(new IncomeCount(k.get(0), k.get(1), c[0])));
            var transferList = new ArrayList<>(transfers.getOrDefault(programme, List.of()));
            transferList.sort(java.util.Comparator.comparing(TransferCount::programme)
                    .thenComparing(t -> t.in() ? 0 : 1));
            all.put(programme, new Tables(genderAge.get(programme), occupationList, incomeList, transferList));
        }
        return all;
    }

    /** One participant's registrations as the programme lead's per-participant file gives them. */
    public record ParticipantRegistrations(UUID personId, String gender, int band, LocalDate startedOn,
            LocalDate endedOn, String endReason, boolean registered, boolean discharged, String startOccupation,
            List<String> startIncomes, String endOccupation, List<String> endIncomes) {
    }

    public List<ParticipantRegistrations> participantRegistrations(long programmeId, LocalDate from, LocalDate to) {
        plannedForTheseDates();
        return jdbc.sql(PARTICIPANT_REGISTRATIONS).params(Map.of("programme", programmeId, "from", from, "to", to))
                .query((rs, n) -> new ParticipantRegistrations(rs.getObject("person_id", UUID.class),
                        rs.getString("gender"), rs.getInt("age_band"), rs.getObject("started_on", LocalDate.class),
                        rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"),
                        rs.getBoolean("registered"), rs.getBoolean("discharged"), rs.getString("start_occupation"),
                        sources(rs, "start_incomes"), rs.getString("end_occupation"), sources(rs, "end_incomes")))
                .list();
    }

    private static List<String> sources(ResultSet rs, String column) throws SQLException {
        Array sources = rs.getArray(column);
        return sources == null ? List.of() : List.of((String[]) sources.getArray());
    }

    /** Every goal measured over all the programme's units as they are now. */
    public Map<Long, Measured> goals(long programmeId, OrganisationId organisationId, LocalDate from, LocalDate to,
            List<ProgrammeGoal> goals) {
        return goals(null, null, programmeId, organisationId, from, to, goals);
    }

    /**
     * The goals measured over the {@code changed} units only, as they are now ({@code kept} null) or as snapshot
     * {@code kept} saw them: every measure is a sum over units, so a kept measure plus the first less the second is
     * the measure now ({@link GoalMeasureCache}).
     */
    Map<Long, Measured> changedGoals(UUID[] changed, String kept, long programmeId, OrganisationId organisationId,
            LocalDate from, LocalDate to, List<ProgrammeGoal> goals) {
        return goals(changed, kept, programmeId, organisationId, from, to, goals);
    }

    private Map<Long, Measured> goals(UUID[] changed, String kept, long programmeId, OrganisationId organisationId,
            LocalDate from, LocalDate to, List<ProgrammeGoal> goals) {
        var measured = new HashMap<Long, Measured>();
        if (goals.isEmpty()) {
            return measured;
        }
        plannedForTheseDates();
        var params = new HashMap<String, Object>();
        params.put("programme", programmeId);
        params.put("organisation", organisationId.value());
        params.put("from", from);
        params.put("to", to);
        // an array parameter, not text: planned as a constant, so that the units are found by their index
        params.put("changed", changed == null ? null : new SqlArrayValue("uuid", (Object[]) changed));
        params.put("kept", kept);
        List<ProgrammeGoal> plans = goals.stream().filter(g -> g.indicator() == GoalIndicator.PLAN_WITHIN_MONTHS)
                .toList();
        // the statement measures one plan-within-months goal, with its parameters; a programme seldom has more than
        // one, and each further one is measured by running it again
        planParams(plans.isEmpty() ? null : plans.get(0), to, params);
        String measures = kept == null ? GOAL_MEASURES : GOAL_MEASURES_AS_SEEN;
        GoalRow row = jdbc.sql(measures).params(params).query(FunderReports::goalRow).single();
        for (int n = 0; n < plans.size(); n++) {
            GoalRow plan = row;
            if (n > 0) {
                planParams(plans.get(n), to, params);
                plan = jdbc.sql(measures).params(params).query(FunderReports::goalRow).single();
            }
            measured.put(plans.get(n).id(), new Measured(plan.planWithinMonths(), plan.planDue(), 0, 0));
        }
        long contacts = row.contactsInPeriod() + (row.contactsCut() > 0
                && has(goals, GoalIndicator.CONTACTS_PER_WEEK) ? journeyEventsCut("KONTAKT", params) : 0);
        long groupActivities = row.groupActivitiesInPeriod() + (row.groupActivitiesCut() > 0
                && has(goals, GoalIndicator.GROUP_ACTIVITIES_PER_WEEK)
                        ? journeyEventsCut("GRUPPAKTIVITET", params) : 0);
        for (ProgrammeGoal g : goals) {
            switch (g.indicator()) {
                case DISCHARGED_WITH_PLAN -> measured.put(g.id(),
                        new Measured(row.dischargedIdentifiedWithPlan(), row.dischargedIdentified(), 0, 0));
                case PLAN_WITHIN_MONTHS -> {
                    // measured above, with its own parameters
                }
                case PARTICIPANTS -> measured.put(g.id(), new Measured(row.active(), row.active(), 0, 0));
                case DISCHARGED_TO_WORK_OR_STUDIES -> measured.put(g.id(),
                        new Measured(row.dischargedToWorkOrStudies(), row.discharged(), 0, 0));
                case CONTACTS_PER_WEEK -> measured.put(g.id(), new Measured(row.activeIdentified(),
                        row.activeIdentified(), contacts, row.activeIdentifiedDays()));
                case GROUP_ACTIVITIES_PER_WEEK -> measured.put(g.id(), new Measured(row.activeIdentified(),
                        row.activeIdentified(), groupActivities, row.activeIdentifiedDays()));
            }
        }
        return measured;
    }

    /** One row of {@link #GOAL_MEASURES}. */
    private record GoalRow(long active, long discharged, long dischargedToWorkOrStudies, long dischargedIdentified,
            long dischargedIdentifiedWithPlan, long planDue, long planWithinMonths, long activeIdentified,
            long activeIdentifiedDays, long contactsInPeriod, long contactsCut, long groupActivitiesInPeriod,
            long groupActivitiesCut) {
    }

    private static GoalRow goalRow(ResultSet rs, int row) throws SQLException {
        return new GoalRow(rs.getLong("active"), rs.getLong("discharged"), rs.getLong("discharged_to_work_or_studies"),
                rs.getLong("discharged_identified"), rs.getLong("discharged_identified_with_plan"),
                rs.getLong("plan_due"), rs.getLong("plan_within_months"), rs.getLong("active_identified"),
                rs.getLong("active_identified_days"), rs.getLong("contacts_in_period"), rs.getLong("contacts_cut"),
                rs.getLong("group_activities_in_period"), rs.getLong("group_activities_cut"));
    }

    private static boolean has(List<ProgrammeGoal> goals, GoalIndicator indicator) {
        return goals.stream().anyMatch(g -> g.indicator() == indicator);
    }

    private long journeyEventsCut(String kind, Map<String, Object> params) {
        var withKind = new HashMap<>(params);
        withKind.put("kind", kind);
        String statement = params.get("kept") == null ? JOURNEY_EVENTS_CUT : JOURNEY_EVENTS_CUT_AS_SEEN;
        return jdbc.sql(statement).params(withKind).query((rs, n) -> rs.getLong("journey_events")).single();
    }

    /**
     * A plan-within-months goal's parameters; without one, an age range nobody is in. {@code :dueBy} is the latest
     * start whose N months have passed by the period's end, computed here as PostgreSQL would count the months.
     */
    private static void planParams(ProgrammeGoal g, LocalDate to, Map<String, Object> params) {
        int months = g == null || g.withinMonths() == null ? 0 : g.withinMonths();
        params.put("ageFrom", g == null || g.ageFrom() == null ? 0 : g.ageFrom());
        params.put("ageTo", g == null ? -1 : g.ageTo() == null ? 200 : g.ageTo());
        params.put("months", months);
        params.put("dueBy", dueBy(to, months));
    }

    /**
     * The latest start date whose {@code months} months have passed by {@code to}: the latest s with s + months ≤ to,
     * both java.time and PostgreSQL clamping the day to the month's end (so 29–31 August + 6 months are all
     * 28 February, and the latest start for a 28 February end is 31 August, not 28 August).
     */
    static LocalDate dueBy(LocalDate to, int months) {
        LocalDate s = to.minusMonths(months);
        while (!s.plusDays(1).plusMonths(months).isAfter(to)) {
            s = s.plusDays(1);
        }
        return s;
    }

    /**
     * Planned for these dates every time: a plan the driver keeps for a statement, made without them, reads the whole
     * cohort however short the period (and measured twice as slow for the whole of it), and would not see which
     * branch of {@code follow_up_cohort} the call takes. The hash tables over a few hundred thousand participants fit
     * in memory instead of going to disk in batches. Both for the caller's transaction only.
     */
    private void plannedForTheseDates() {
        jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }

    /** Per participant in the goal's denominator: whether they count in its numerator. */
    public List<UnitRow> units(ProgrammeGoal goal, OrganisationId organisationId, LocalDate from, LocalDate to) {
        plannedForTheseDates();
        var params = new HashMap<String, Object>();
        params.put("programme", goal.programmeId());
        params.put("organisation", organisationId.value());
        params.put("from", from);
        params.put("to", to);
        params.put("indicator", goal.indicator().name());
        params.put("kind", goal.indicator() == GoalIndicator.CONTACTS_PER_WEEK ? "KONTAKT" : "GRUPPAKTIVITET");
        planParams(goal.indicator() == GoalIndicator.PLAN_WITHIN_MONTHS ? goal : null, to, params);
        if (goal.indicator().perWeek()) {
            return jdbc.sql(UNITS_BEHIND_A_WEEKLY_GOAL).params(params)
                    .query((rs, n) -> unitRow(rs, rs.getLong("journey_events"), rs.getDouble("days_in_period")))
                    .list();
        }
        return jdbc.sql(UNITS_BEHIND_A_GOAL).params(params).query((rs, n) -> unitRow(rs, 0, 0)).list();
    }

    private static UnitRow unitRow(ResultSet rs, long amount, double days) throws SQLException {
        return new UnitRow(rs.getObject("enrolment_id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getBoolean("counted"), amount, days);
    }

    public List<FinsamCount> finsam(LocalDate from, LocalDate to) {
        plannedForTheseDates();
        return jdbc.sql(FINSAM).param("from", from).param("to", to)
                .query((rs, n) -> new FinsamCount(rs.getLong("programme_id"), rs.getString("gender"),
                        rs.getLong("active"), rs.getLong("registered"), rs.getLong("discharged")))
                .list();
    }

    public Optional<Texts> texts(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT equality, lessons FROM programme_report_text
                 WHERE programme_id = :programme AND period_from = :from AND period_to = :to""")
                .param("programme", programmeId).param("from", from).param("to", to)
                .query((rs, n) -> new Texts(rs.getString("equality"), rs.getString("lessons"))).optional();
    }

    public void saveTexts(long programmeId, LocalDate from, LocalDate to, String equality, String lessons,
            long userId) {
        jdbc.sql("""
                INSERT INTO programme_report_text (programme_id, period_from, period_to, equality, lessons, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme_id, period_from, period_to)
                DO UPDATE SET equality = EXCLUDED.equality, lessons = EXCLUDED.lessons,
                              updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .params(programmeId, from, to, equality, lessons, userId).update();
    }
}
