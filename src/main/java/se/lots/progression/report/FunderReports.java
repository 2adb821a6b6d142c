package se.lots.progression.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.plan.JourneyKind;
import se.lots.progression.GoalIndicator;
import se.lots.progression.ProgrammeGoal;

/**
 * The SQL behind the funder's report and the programme goals. Everything starts from one cohort: a programme's
 * enrolments (less those followed up anonymously, which have their own participant row) plus its anonymous
 * participants, each counted once per programme enrolment: the rows of {@code follow_up_unit}, which the database
 * keeps in step with the enrolments, participants, registrations and plan steps (V29). Only what is dated on or
 * before the end of the period is counted (enrolment start, discharge, registration and plan-step dates), so a closed
 * period gives the same numbers when the report is generated again later.
 */
@Repository
public class FunderReports {

    // :programme, :from, :to; registered = started in the period; discharged = ended in the period for another
    // reason than a transfer or a wrong registration (null when not); active = enrolled at some time in the period. A
    // registration measured, or a plan written, after the period's end is not read. Not materialised: every part of
    // the statement that reads the cohort scans follow_up_unit where it is read (in parallel workers) and only the
    // groups travel. Everything per row is a comparison of stored values, computed when the unit was written (V30).
    // contacts_in_period: the unit has contacts and all of them fall in the period, so its stored count is the period's
    // (the stored contacts are those while enrolled, so the first is never before the start nor the last after the end).
    private static final String UNITS = cohort("follow_up_unit", "u.programme_id = :programme");

    /** Snapshot :kept did not see the transaction that wrote the row (its xid). */
    static final String UNSEEN = """
            xid >= pg_snapshot_xmin(CAST(CAST(:kept AS text) AS pg_snapshot))
            AND NOT pg_visible_in_snapshot(xid, CAST(CAST(:kept AS text) AS pg_snapshot))""";

    /**
     * The :changed units as snapshot :kept saw them (V32): the image before the first write it did not see (none when
     * that write made the unit; tested by its id, as a row with a null field is not IS NOT NULL).
     */
    private static final String BEFORE = """
            (SELECT (b.image).* FROM (
                SELECT DISTINCT ON (unit_id) image FROM follow_up_unit_before
                WHERE programme_id = :programme AND unit_id = ANY (CAST(:changed AS uuid[])) AND UNSEEN
                ORDER BY unit_id, seq) b
             WHERE (b.image).id IS NOT NULL)""".replace("UNSEEN", UNSEEN);

    private static String cohort(String source, String programmes) {
        return """
            WITH cohort AS NOT MATERIALIZED (
                SELECT u.programme_id, u.enrolment_id, u.person_id, u.gender, u.started_on, u.ended_on, u.end_reason,
                       u.transferred_from, u.age, u.started_on >= CAST(:from AS date) AS registered,
                       u.discharged_on BETWEEN CAST(:from AS date) AND CAST(:to AS date) AS discharged,
                       (u.ended_on IS NULL OR u.ended_on >= CAST(:from AS date)) AS active,
                       CASE WHEN u.start_measured_on <= CAST(:to AS date) THEN u.start_occupation END AS start_occupation,
                       CASE WHEN u.start_measured_on <= CAST(:to AS date) THEN u.start_incomes END AS start_incomes,
                       CASE WHEN u.end_measured_on <= CAST(:to AS date) THEN u.end_occupation END AS end_occupation,
                       CASE WHEN u.end_measured_on <= CAST(:to AS date) THEN u.end_incomes END AS end_incomes,
                       CASE WHEN u.first_plan_on <= CAST(:to AS date) THEN u.plan_months END AS plan_months,
                       u.first_contact_on >= CAST(:from AS date) AND u.last_contact_on <= CAST(:to AS date)
                           AS contacts_in_period, u.contacts,
                       u.first_group_on >= CAST(:from AS date) AND u.last_group_on <= CAST(:to AS date)
                           AS groups_in_period, u.group_activities
                FROM SOURCE u
                WHERE PROGRAMMES AND u.started_on <= CAST(:to AS date)
            )""".replace("SOURCE", source).replace("PROGRAMMES", programmes);
    }

    /** Uppföljning Finsam: per programme and gender, the active, the new and the discharged (as in the report). */
    public record FinsamCount(long programmeId, String gender, long active, long registered, long discharged) {
    }

    public List<FinsamCount> finsam(LocalDate from, LocalDate to) {
        return jdbc.sql(cohort("follow_up_unit", "true") + """

                SELECT programme_id, gender, count(*) FILTER (WHERE active), count(*) FILTER (WHERE registered),
                       count(*) FILTER (WHERE discharged)
                FROM cohort GROUP BY 1, 2""").param("from", from).param("to", to)
                .query((rs, n) -> new FinsamCount(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** The cohort and its parts for the participants behind one goal ({@link #units}). */
    static final String COHORT = UNITS + """
            , contact_window AS (
                SELECT c.enrolment_id, c.person_id, c.started_on, c.ended_on,
                       GREATEST(c.started_on, CAST(:from AS date)) AS s,
                       LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date)) AS e
                FROM cohort c WHERE c.active AND c.person_id IS NOT NULL
            )
            """;

    /** Into the programme (started in the period) and out of it (ended as OVERFORD in the period). */
    private static final String TRANSFERS = """
            SELECT 'T', fp.name, 'IN', NULL, NULL, NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c JOIN enrolment f ON f.id = c.transferred_from JOIN programme fp ON fp.id = f.programme_id
            WHERE c.registered AND c.transferred_from IS NOT NULL
            GROUP BY 2
            UNION ALL
            SELECT 'T', tp.name, 'OUT', NULL, NULL, NULL, NULL, ARRAY[count(*)]::float8[]
            FROM cohort c JOIN enrolment t ON t.transferred_from = c.enrolment_id AND t.started_on <= CAST(:to AS date)
            JOIN programme tp ON tp.id = t.programme_id
            WHERE c.end_reason = 'OVERFORD' AND c.ended_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
            GROUP BY 2""";

    /**
     * Journey events of a kind by the programme's organisation while each identified participant was enrolled, in the
     * period: {@code CUT} narrows it to some of them. A statement of its own, run after the main one when needed. A
     * join, not a look-up per participant, and the period repeated on the journey's side: for the year so far at
     * 250 000 participants (30 000 of them with contacts cut) a parallel hash join of the period's contacts took 150 ms
     * where the look-ups took 330 ms.
     */
    private static final String JOURNEY_COUNT = """

            SELECT count(*)
            FROM cohort c JOIN journey_event j ON j.person_id = c.person_id AND j.kind = 'KIND'
                 AND j.organisation_id = :organisation
                 AND j.occurred_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
                 AND j.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                       AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
            WHERE c.active AND c.person_id IS NOT NULL CUT""";

    /** The same as snapshot :kept saw them: those in the journey now less the changes it did not see (V32). */
    private static final String JOURNEY_COUNT_BEFORE = """

            SELECT (COUNT) - (
                SELECT coalesce(sum(l.delta), 0)
                FROM cohort c JOIN follow_up_contact_change l ON l.person_id = c.person_id AND l.kind = 'KIND'
                     AND l.organisation_id = :organisation
                     AND l.occurred_on BETWEEN GREATEST(c.started_on, CAST(:from AS date))
                                           AND LEAST(coalesce(c.ended_on, CAST(:to AS date)), CAST(:to AS date))
                     AND UNSEEN
                WHERE c.active AND c.person_id IS NOT NULL CUT)"""
            .replace("COUNT", JOURNEY_COUNT.strip()).replace("UNSEEN", UNSEEN.replace("xid", "l.xid"));

    /**
     * Only the participants whose contacts (group activities) the period cuts: the others' are counted whole from the
     * stored count (V30, V33).
     */
    private static String journeyCount(String template, JourneyKind kind) {
        return template.replace("KIND", kind.name()).replace("CUT", kind == JourneyKind.KONTAKT
                ? "AND c.contacts > 0 AND NOT c.contacts_in_period"
                : "AND c.group_activities > 0 AND NOT c.groups_in_period");
    }

    /**
     * The units a pass reads, and how it counts the contacts the period cuts and the group activities: all of the programme's, or only the
     * {@code :changed} ones, as they are now or as snapshot {@code :kept} saw them ({@link GoalMeasureCache}).
     */
    record Units(String cohort, String contacts, String groupActivities) {
        static final Units ALL = new Units(UNITS, UNITS + journeyCount(JOURNEY_COUNT, JourneyKind.KONTAKT),
                UNITS + journeyCount(JOURNEY_COUNT, JourneyKind.GRUPPAKTIVITET));
        static final Units CHANGED = of(FunderReports.cohort("follow_up_unit",
                "u.programme_id = :programme AND u.id = ANY (CAST(:changed AS uuid[]))"), JOURNEY_COUNT);
        static final Units BEFORE = of(FunderReports.cohort(FunderReports.BEFORE, "u.programme_id = :programme"),
                JOURNEY_COUNT_BEFORE);

        private static Units of(String cohort, String count) {
            return new Units(cohort, cohort + journeyCount(count, JourneyKind.KONTAKT),
                    cohort + journeyCount(count, JourneyKind.GRUPPAKTIVITET));
        }
    }

    /** Age at enrolment (from the birth year: an anonymous participant has no more) as the report's bands. */
    static final String AGE_BAND = "CASE WHEN age BETWEEN 16 AND 19 THEN 0 WHEN age BETWEEN 20 AND 24 THEN 1"
            + " WHEN age BETWEEN 25 AND 29 THEN 2 ELSE 3 END";

    public record GenderAgeCount(String gender, int band, long registered, long discharged, long active) {
    }

    public record OccupationPair(String start, String end, long count) {
    }

    public record IncomeCount(String kind, String source, long count) {
    }

    public record TransferCount(boolean in, String programme, long count) {
    }

    /** One participant behind an indicator: in its denominator, {@code hit} when counted in the numerator. */
    public record UnitRow(UUID enrolmentId, UUID personId, LocalDate startedOn, LocalDate endedOn, boolean hit,
            long amount, double days) {
    }

    public record Texts(String equality, String lessons) {
    }

    private final JdbcClient jdbc;

    FunderReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report's tables and its goals' measures, from one statement over the cohort. */
    public record Pass(List<GenderAgeCount> genderAge, List<OccupationPair> occupations, List<IncomeCount> incomes,
            List<TransferCount> transfers, Map<Long, Measured> goals) {
    }

    /**
     * One statement with its named parameters; per goal, the positions of its three sums in the counts array, and the
     * position of the count of participants whose contacts the period cuts (-1 without a contacts goal).
     */
    record Statement(String sql, Map<String, Object> params, int[][] goalColumns, int width, int cutContacts,
            int cutGroupActivities) {
    }

    /**
     * Everything the report shows ({@code tables}) or only the goals (the goals page), as one statement. Its main
     * part reads every participant once and groups them by gender, age band and, for the discharged, occupation and
     * sources of income at START and SLUT: the report's gender × age table, its occupation and income tables and every
     * goal's numerator, denominator and participant-days are sums over those few thousand groups ('W'; the counts as
     * an array: registered, discharged, active, then each distinct goal condition once, see {@link #goalColumns}).
     * Transfers ('T', from the few transferred units by their own indexes) are a small branch of the same statement;
     * the contacts the period cuts are read afterwards ({@link Units#contacts}) when there are any.
     */
    static Statement passStatement(long programmeId, long organisationId, LocalDate from, LocalDate to,
            List<ProgrammeGoal> goals, boolean tables) {
        return passStatement(Units.ALL, programmeId, organisationId, from, to, goals, tables);
    }

    static Statement passStatement(Units cohort, long programmeId, long organisationId, LocalDate from, LocalDate to,
            List<ProgrammeGoal> goals, boolean tables) {
        if (!tables && goals.isEmpty()) {
            return null;
        }
        var params = new HashMap<String, Object>(Map.of("programme", programmeId, "from", from, "to", to,
                "organisation", organisationId));
        var values = new LinkedHashMap<String, Integer>();
        for (String always : List.of("count(*) FILTER (WHERE registered)", "count(*) FILTER (WHERE discharged)",
                "count(*) FILTER (WHERE active)")) {
            values.put(always, values.size());
        }
        int[][] goalColumns = goalColumns(goals, to, values, params);
        int cutContacts = -1;
        if (goals.stream().anyMatch(g -> g.indicator() == GoalIndicator.CONTACTS_PER_WEEK)) {
            cutContacts = values.size();
            values.put("count(*) FILTER (WHERE active AND person_id IS NOT NULL AND contacts > 0"
                    + " AND NOT contacts_in_period)", cutContacts);
        }
        int cutGroupActivities = -1;
        if (goals.stream().anyMatch(g -> g.indicator() == GoalIndicator.GROUP_ACTIVITIES_PER_WEEK)) {
            cutGroupActivities = values.size();
            values.put("count(*) FILTER (WHERE active AND person_id IS NOT NULL AND group_activities > 0"
                    + " AND NOT groups_in_period)", cutGroupActivities);
        }
        String array = "ARRAY[" + String.join(", ", values.keySet()) + "]::float8[]";
        var sql = new StringBuilder(cohort.cohort()).append('\n');
        if (tables) {
            // only the discharged have occupations and sources of income to report
            sql.append("SELECT 'W', gender, (").append(AGE_BAND).append(")::text,")
                    .append(" CASE WHEN discharged THEN start_occupation END, CASE WHEN discharged THEN end_occupation END,")
                    .append(" CASE WHEN discharged THEN start_incomes END, CASE WHEN discharged THEN end_incomes END, ")
                    .append(array).append(" FROM cohort GROUP BY 2, 3, 4, 5, 6, 7");
            sql.append("\nUNION ALL\n").append(TRANSFERS);
        } else {
            sql.append("SELECT 'W', NULL, NULL, NULL, NULL, NULL::text[], NULL::text[], ").append(array)
                    .append(" FROM cohort");
        }
        return new Statement(sql.append("\nORDER BY 1, 2, 3").toString(), params, goalColumns, values.size(),
                cutContacts, cutGroupActivities);
    }

    /**
     * Per goal, in order, three aggregates over the cohort (its numerator, its denominator, its participant-days) as
     * positions in {@code values}: an aggregate that two goals share (the active participants, say) is computed once.
     * The parameters each goal needs go into {@code params}; {@code :dueByN} is the latest start whose N months have
     * passed by the period's end, computed here as PostgreSQL would count the months.
     */
    private static int[][] goalColumns(List<ProgrammeGoal> goals, LocalDate to, Map<String, Integer> values,
            Map<String, Object> params) {
        int[][] columns = new int[goals.size()][];
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            String[] rule = rule(g.indicator(), String.valueOf(n));
            // a contacts goal's numerator: the contacts of those whose contacts all fall in the period (the rest by
            // Units.contacts); a group activities goal's likewise
            String hits = g.indicator() == GoalIndicator.CONTACTS_PER_WEEK
                    ? "coalesce(sum(contacts) FILTER (WHERE " + rule[0] + " AND contacts_in_period), 0)"
                    : g.indicator() == GoalIndicator.GROUP_ACTIVITIES_PER_WEEK
                    ? "coalesce(sum(group_activities) FILTER (WHERE " + rule[0] + " AND groups_in_period), 0)"
                    : rule[1].equals("true") ? "count(*) FILTER (WHERE " + rule[0] + ")"
                    : "count(*) FILTER (WHERE " + rule[0] + " AND (" + rule[1] + "))";
            String units = "count(*) FILTER (WHERE " + rule[0] + ")";
            String days = !g.indicator().perWeek() ? "0"
                    : "coalesce(sum(LEAST(coalesce(ended_on, CAST(:to AS date)), CAST(:to AS date))"
                            + " - GREATEST(started_on, CAST(:from AS date)) + 1) FILTER (WHERE " + rule[0] + "), 0)";
            columns[n] = new int[3];
            int i = 0;
            for (String aggregate : new String[] { hits, units, days }) {
                Integer at = values.get(aggregate);
                if (at == null) {
                    at = values.size();
                    values.put(aggregate, at);
                }
                columns[n][i++] = at;
            }
            goalParams(g, String.valueOf(n), to, params);
        }
        return columns;
    }

    /**
     * A goal's rule over the cohort's columns: who is in its denominator, and of those who counts in its numerator,
     * with the goal's parameters suffixed by {@code n}. Anonymous participants have no plan and no journey, so the plan
     * and contact indicators count identified participants only.
     */
    private static String[] rule(GoalIndicator indicator, String n) {
        String hasPlanIn = "plan_months <= CAST(:months" + n + " AS int)";
        return switch (indicator) {
            case DISCHARGED_WITH_PLAN -> new String[] { "discharged AND person_id IS NOT NULL",
                "plan_months IS NOT NULL" };
            // judged once the months have passed by the period's end, or earlier when the plan is there
            case PLAN_WITHIN_MONTHS -> new String[] { "active AND person_id IS NOT NULL AND age BETWEEN CAST(:ageFrom" + n
                    + " AS int) AND CAST(:ageTo" + n + " AS int) AND (" + hasPlanIn + " OR started_on <= CAST(:dueBy" + n
                    + " AS date))", hasPlanIn };
            case PARTICIPANTS -> new String[] { "active", "true" };
            case DISCHARGED_TO_WORK_OR_STUDIES -> new String[] { "discharged",
                "end_reason IN ('ARBETE', 'STUDIER') OR end_occupation IN ('ARBETAR', 'STUDERAR')" };
            case CONTACTS_PER_WEEK, GROUP_ACTIVITIES_PER_WEEK -> new String[] { "active AND person_id IS NOT NULL", "true" };
        };
    }

    private static void goalParams(ProgrammeGoal g, String n, LocalDate to, Map<String, Object> params) {
        int months = g.withinMonths() == null ? 0 : g.withinMonths();
        params.put("ageFrom" + n, g.ageFrom() == null ? 0 : g.ageFrom());
        params.put("ageTo" + n, g.ageTo() == null ? 200 : g.ageTo());
        params.put("months" + n, months);
        params.put("dueBy" + n, dueBy(to, months));
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

    /** The report's tables and its goals' measures, from one statement. */
    public Pass pass(long programmeId, long organisationId, LocalDate from, LocalDate to, List<ProgrammeGoal> goals,
            boolean tables) {
        return pass(Units.ALL, Map.of(), programmeId, organisationId, from, to, goals, tables);
    }

    /**
     * The goals' measures over the {@code changed} units only (a uuid[] literal), as they are now ({@link Units#CHANGED}) or as snapshot
     * {@code kept} saw them ({@link Units#BEFORE}): every measure is a sum over units, so a kept measure plus the
     * first less the second is the measure now.
     */
    Map<Long, Measured> changedGoals(Units units, String changed, String kept, long programmeId, long organisationId,
            LocalDate from, LocalDate to, List<ProgrammeGoal> goals) {
        var extra = new HashMap<String, Object>();
        extra.put("changed", changed);
        extra.put("kept", kept);
        return pass(units, extra, programmeId, organisationId, from, to, goals, false).goals();
    }

    private Pass pass(Units cohort, Map<String, Object> extra, long programmeId, long organisationId, LocalDate from,
            LocalDate to, List<ProgrammeGoal> goals, boolean tables) {
        var genderAge = new LinkedHashMap<String, long[]>();
        var occupations = new LinkedHashMap<List<String>, long[]>();
        var incomes = new LinkedHashMap<List<String>, long[]>();
        var transfers = new ArrayList<TransferCount>();
        var measured = new HashMap<Long, Measured>();
        Statement statement = passStatement(cohort, programmeId, organisationId, from, to, goals, tables);
        if (statement == null) {
            return new Pass(List.of(), List.of(), List.of(), transfers, measured);
        }
        int[][] columns = statement.goalColumns();
        // the hash tables over a few hundred thousand participants fit in memory instead of going to disk in batches
        jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        // planned for these dates every time: a plan the driver keeps for the statement, made without them, reads
        // the whole cohort however short the period (and measured twice as slow for the whole of it)
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        double[] sums = new double[statement.width()];
        long contactCount = 0;
        long groupActivityCount = 0;
        var params = new HashMap<>(statement.params());
        params.putAll(extra);
        jdbc.sql(statement.sql()).params(params).query(rs -> {
            Double[] v = (Double[]) rs.getArray(8).getArray();
            switch (rs.getString(1)) {
                case "W" -> {
                    if (tables) {
                        long[] ga = genderAge.computeIfAbsent(rs.getString(2) + "|" + rs.getString(3),
                                k -> new long[3]);
                        for (int i = 0; i < 3; i++) {
                            ga[i] += v[i].longValue();
                        }
                        long discharged = v[1].longValue();
                        if (discharged > 0) {
                            occupations.computeIfAbsent(Arrays.asList(rs.getString(4), rs.getString(5)),
                                    k -> new long[1])[0] += discharged;
                            for (String kind : List.of("START", "SLUT")) {
                                java.sql.Array sources = rs.getArray(kind.equals("START") ? 6 : 7);
                                if (sources != null) {
                                    for (String source : (String[]) sources.getArray()) {
                                        incomes.computeIfAbsent(List.of(kind, source), k -> new long[1])[0] += discharged;
                                    }
                                }
                            }
                        }
                    }
                    for (int i = 0; i < v.length; i++) {
                        sums[i] += v[i];
                    }
                }
                case "T" -> transfers.add(new TransferCount("IN".equals(rs.getString(3)), rs.getString(2),
                        v[0].longValue()));
                default -> throw new IllegalStateException(rs.getString(1));
            }
        });
        if (statement.cutContacts() >= 0 && sums[statement.cutContacts()] > 0) {
            contactCount = jdbc.sql(cohort.contacts()).params(params).query(Long.class).single();
        }
        if (statement.cutGroupActivities() >= 0 && sums[statement.cutGroupActivities()] > 0) {
            groupActivityCount = jdbc.sql(cohort.groupActivities()).params(params).query(Long.class).single();
        }
        for (int n = 0; n < goals.size(); n++) {
            ProgrammeGoal g = goals.get(n);
            long hits = (long) sums[columns[n][0]];
            long units = (long) sums[columns[n][1]];
            if (g.indicator() == GoalIndicator.CONTACTS_PER_WEEK) {
                measured.put(g.id(), new Measured(units, units, hits + contactCount, sums[columns[n][2]]));
            } else if (g.indicator() == GoalIndicator.GROUP_ACTIVITIES_PER_WEEK) {
                measured.put(g.id(), new Measured(units, units, hits + groupActivityCount, sums[columns[n][2]]));
            } else {
                measured.put(g.id(), new Measured(hits, units, 0, sums[columns[n][2]]));
            }
        }
        var genderAgeList = new ArrayList<GenderAgeCount>();
        genderAge.forEach((k, c) -> {
            String[] key = k.split("\\|");
            genderAgeList.add(new GenderAgeCount(key[0], Integer.parseInt(key[1]), c[0], c[1], c[2]));
        });
        var occupationList = new ArrayList<OccupationPair>();
        occupations.forEach((k, c) -> occupationList.add(new OccupationPair(k.get(0), k.get(1), c[0])));
        var incomeList = new ArrayList<IncomeCount>();
        incomes.forEach((k, c) -> incomeList.add(new IncomeCount(k.get(0), k.get(1), c[0])));
        return new Pass(genderAgeList, occupationList, incomeList, transfers, measured);
    }

    /** Enough for a few hundred thousand participants' rows and the hash tables over them, per report. */
    static final String WORK_MEM = "64MB";

    /** Per participant in the indicator's denominator: whether they count in its numerator. */
    public List<UnitRow> units(ProgrammeGoal goal, long organisationId, LocalDate from, LocalDate to) {
        var params = new HashMap<String, Object>(Map.of("programme", goal.programmeId(), "from", from, "to", to,
                "organisation", organisationId));
        goalParams(goal, "", to, params);
        return jdbc.sql(COHORT + unitsSql(goal.indicator())).params(params)
                .query((rs, n) -> new UnitRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBoolean(5),
                        rs.getLong(6), rs.getDouble(7)))
                .list();
    }

    public record Measured(long hits, long units, long amount, double days) {
    }

    /** Columns: enrolment_id, person_id, started_on, ended_on, hit, amount, days; the same rule as the goal's sums. */
    private static String unitsSql(GoalIndicator indicator) {
        if (indicator.perWeek()) {
            String kind = indicator == GoalIndicator.CONTACTS_PER_WEEK ? "KONTAKT" : "GRUPPAKTIVITET";
            return "SELECT w.enrolment_id, w.person_id, w.started_on, w.ended_on, true,"
                    + " (SELECT count(*) FROM journey_event j WHERE j.person_id = w.person_id AND j.kind = '" + kind + "'"
                    + " AND j.organisation_id = :organisation AND j.occurred_on BETWEEN w.s AND w.e),"
                    + " (w.e - w.s + 1)::float8 FROM contact_window w";
        }
        String[] rule = rule(indicator, "");
        return "SELECT enrolment_id, person_id, started_on, ended_on, coalesce(" + rule[1] + ", false), 0::bigint,"
                + " 0::float8 FROM cohort WHERE " + rule[0];
    }

    public Optional<Texts> texts(long programmeId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT equality, lessons FROM programme_report_text"
                        + " WHERE programme_id = ? AND period_from = ? AND period_to = ?")
                .params(programmeId, from, to).query((rs, n) -> new Texts(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void saveTexts(long programmeId, LocalDate from, LocalDate to, String equality, String lessons, long userId) {
        jdbc.sql("""
                INSERT INTO programme_report_text (programme_id, period_from, period_to, equality, lessons, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (programme_id, period_from, period_to)
                DO UPDATE SET equality = EXCLUDED.equality, lessons = EXCLUDED.lessons,
                              updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .params(programmeId, from, to, equality, lessons, userId).update();
    }
}
