package se.lots.kaa.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.registry.PersonalIdentityNumber;

/**
 * The coordinator's worklist: the open episodes of one municipality with their current status, contact attempts
 * and age, filtered and sorted in one statement. A read model: it joins the registry's published view
 * (registry_person) for names and birth dates (never the address), writes go through the services.
 */
@Repository
public class Worklist {

    /** What the coordinator wants to see first. */
    public enum Filter { ALL, NOT_KNOWN, DUE, NOT_REACHED, NO_RECENT_ATTEMPT, TURNING_20, NEW_FROM_IMPORT, MINE, UNASSIGNED }

    public enum Sort { NAME, TWENTIETH_BIRTHDAY, REVIEW, LAST_ATTEMPT, REGISTERED }

    public record Row(UUID episodeId, UUID personId, String identity, String name, LocalDate twentiethBirthday,
            KaaStatus status, LocalDate reviewOn, int attempts, boolean reached, LocalDate lastAttempt,
            Long assignedTo, String assignee, LocalDate registeredOn, boolean protectedIdentity, boolean fromLastImport) {

        public boolean due(LocalDate today) {
            return reviewOn != null && reviewOn.isBefore(today);
        }
    }

    public record Query(Filter filter, Sort sort, int attemptsWithoutReach, int daysWithoutAttempt, long userId,
            UUID lastImport, LocalDate today) {
    }

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    Worklist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement of {@link #page} with its parameters (the benchmark prints its plan). */
    static String pageStatement(OrganisationId organisationId, Query q, int page, List<Object> params) {
        String sql = "WITH w AS (" + select(organisationId, q, params) + " ORDER BY " + order(q.sort())
                + " LIMIT ? OFFSET ?) " + DISPLAY + " ORDER BY " + order(q.sort());
        params.add(PAGE_SIZE);
        params.add(Math.max(0, page) * PAGE_SIZE);
        return sql;
    }

    /** One page: found in kaa_episode alone, then only its rows joined for names and identities. */
    Page page(OrganisationId organisationId, Query q, int page) {
        var params = new ArrayList<Object>();
        String sql = pageStatement(organisationId, q, page, params);
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs, q.lastImport())).list();
        return new Page(rows, count(organisationId, q));
    }

    record Page(List<Row> rows, long total) {
    }

    long count(OrganisationId organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("SELECT count(*) FROM (" + select(organisationId, q, params) + ") w").params(params)
                .query(Long.class).single();
    }

    /** The coordinator's headline figures in one pass over the open episodes. */
    Figures figures(OrganisationId organisationId, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*) AS open,
                       count(*) FILTER (WHERE e.current_status IS NULL OR e.current_status = 'OKAND') AS not_known,
                       count(*) FILTER (WHERE e.current_review_on < ?) AS due,
                       count(*) FILTER (WHERE e.twentieth_birthday < ?) AS turning_20
                  FROM kaa_episode e
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL""")
                .params(today, today.withDayOfMonth(1).plusMonths(2), organisationId.value())
                .query((rs, n) -> new Figures(rs.getLong("open"), rs.getLong("not_known"), rs.getLong("due"),
                        rs.getLong("turning_20")))
                .single();
    }

    record Figures(long open, long notKnown, long due, long turning20) {
    }

    /** Paste into psql with {@code \set org 1}, {@code \set today '2026-12-07'}, {@code first}, {@code last}. */
    static final String TODAY = """
            SELECT count(*) FILTER (WHERE e.exited_on IS NULL AND e.current_review_on < :today) AS due,
                   count(*) FILTER (WHERE e.exited_on IS NULL AND e.twentieth_birthday BETWEEN :first AND :last
                                       OR e.exit_reason = 'FYLLT_20' AND e.exited_on BETWEEN :first AND :last) AS leaving
              FROM kaa_episode e
             WHERE e.organisation_id = :org AND (e.exited_on IS NULL OR e.exited_on >= :first)""";

    /**
     * The start page's two counts in one pass: reviews overdue (the worklist's DUE filter) and who leaves the register
     * by turning 20 in {@code month} (the "leaving" list: open episodes whose twentieth birthday falls in the month,
     * and those already closed for it this month). Only counts: no person is read.
     */
    Today today(OrganisationId organisationId, LocalDate today, java.time.YearMonth month) {
        return jdbc.sql(TODAY).param("today", today).param("first", month.atDay(1))
                .param("last", month.atEndOfMonth()).param("org", organisationId.value())
                .query((rs, n) -> new Today(rs.getLong("due"), rs.getLong("leaving"))).single();
    }

    record Today(long due, long leaving) {
    }

    /** Every open episode of the filter, in order, for an export or a letter batch. */
    List<Row> all(OrganisationId organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("WITH w AS (" + select(organisationId, q, params) + ") " + DISPLAY + " ORDER BY "
                + order(q.sort())).params(params).query((rs, n) -> row(rs, q.lastImport())).list();
    }

    /** Names and identities of the rows in {@code w}; never the address. */
    private static final String DISPLAY = """
            SELECT w.*, y.first_name, y.last_name, y.personal_identity_number, y.reserve_identity,
                   y.protected_identity, u.display_name AS assignee
              FROM w JOIN registry_person y ON y.id = w.person_id
              LEFT JOIN organisation_staff u ON u.id = w.assigned_to""";

    /** The open episodes of the filter, from the episode's own columns (status and attempts: migration V13). */
    private static String select(OrganisationId organisationId, Query q, List<Object> params) {
        params.add(organisationId.value());
        var sql = new StringBuilder("""
                SELECT e.id AS episode_id, e.person_id, e.registered_on, e.assigned_to, e.import_id, e.sort_name,
                       e.twentieth_birthday, e.current_status AS status, e.current_review_on AS review_on,
                       e.attempts, e.reached, e.last_attempt_on AS last_attempt
                  FROM kaa_episode e
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL""");
        switch (q.filter()) {
            case NOT_KNOWN -> sql.append(" AND (e.current_status IS NULL OR e.current_status = 'OKAND')");
            case DUE -> {
                sql.append(" AND e.current_review_on < ?");
                params.add(q.today());
            }
            case NOT_REACHED -> {
                sql.append(" AND NOT e.reached AND e.attempts >= ?");
                params.add(q.attemptsWithoutReach());
            }
            case NO_RECENT_ATTEMPT -> {
                sql.append(" AND (e.last_attempt_on IS NULL OR e.last_attempt_on < ?)"
                        + " AND (e.current_status IS NULL OR e.current_status IN ('OKAND', 'EJ_ANTRAFFBAR', 'KONTAKTAD'))");
                params.add(q.today().minusDays(q.daysWithoutAttempt()));
            }
            case TURNING_20 -> {
                sql.append(" AND e.twentieth_birthday < ?");
                params.add(q.today().withDayOfMonth(1).plusMonths(2));
            }
            case NEW_FROM_IMPORT -> {
                sql.append(" AND e.import_id = ?");
                params.add(q.lastImport());
            }
            case MINE -> {
                sql.append(" AND e.assigned_to = ?");
                params.add(q.userId());
            }
            case UNASSIGNED -> sql.append(" AND e.assigned_to IS NULL");
            default -> {
            }
        }
        return sql.toString();
    }

    /** Columns of the select above, valid inside it (as e.…) and on its result (as w.…). */
    private static String order(Sort sort) {
        return switch (sort) {
            case TWENTIETH_BIRTHDAY -> "twentieth_birthday, sort_name, episode_id";
            case REVIEW -> "review_on NULLS FIRST, sort_name, episode_id";
            case LAST_ATTEMPT -> "last_attempt NULLS FIRST, sort_name, episode_id";
            case REGISTERED -> "registered_on DESC, sort_name, episode_id";
            default -> "sort_name, episode_id";
        };
    }

    private static Row row(ResultSet rs, UUID lastImport) throws SQLException {
        String pin = rs.getString("personal_identity_number");
        String status = rs.getString("status");
        UUID importId = rs.getObject("import_id", UUID.class);
        return new Row(rs.getObject("episode_id", UUID.class), rs.getObject("person_id", UUID.class),
                pin != null ? new PersonalIdentityNumber(pin).formatted() : rs.getString("reserve_identity"),
                rs.getString("first_name") + " " + rs.getString("last_name"),
                rs.getObject("twentieth_birthday", LocalDate.class), status == null ? null : KaaStatus.valueOf(status),
                rs.getObject("review_on", LocalDate.class), rs.getInt("attempts"), rs.getBoolean("reached"),
                rs.getObject("last_attempt", LocalDate.class), rs.getObject("assigned_to", Long.class),
                rs.getString("assignee"), rs.getObject("registered_on", LocalDate.class),
                rs.getBoolean("protected_identity"), importId != null && importId.equals(lastImport));
    }
}
