package se.lots.kaa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.registry.PersonalIdentityNumber;

/**
 * The coordinator's worklist: the open episodes of one municipality with their current status, contact attempts
 * and age, filtered and sorted in one statement. A read model: it joins the registry's table for names and birth
 * dates (never the address), writes go through the services.
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

    /** One page and, in the same statement, how many rows the filter has in all. */
    Page page(long organisationId, Query q, int page) {
        var params = new ArrayList<Object>();
        String sql = "SELECT w.*, count(*) OVER () AS total FROM (" + select(organisationId, q, params) + ") w"
                + " ORDER BY " + order(q.sort()) + " LIMIT ? OFFSET ?";
        params.add(PAGE_SIZE);
        params.add(Math.max(0, page) * PAGE_SIZE);
        var total = new long[] { -1 };
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
            total[0] = rs.getLong("total");
            return row(rs, q.lastImport());
        }).list();
        return new Page(rows, rows.isEmpty() ? count(organisationId, q) : total[0]);
    }

    record Page(List<Row> rows, long total) {
    }

    long count(long organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("SELECT count(*) FROM (" + select(organisationId, q, params) + ") w").params(params)
                .query(Long.class).single();
    }

    /** The coordinator's headline figures in one pass over the open episodes. */
    Figures figures(long organisationId, LocalDate today) {
        var params = new ArrayList<Object>();
        String inner = select(organisationId, new Query(Filter.ALL, Sort.NAME, 0, 0, 0, null, today), params);
        params.add(0, today);
        params.add(1, today.withDayOfMonth(1).plusMonths(2));
        return jdbc.sql("""
                SELECT count(*) AS open,
                       count(*) FILTER (WHERE w.status IS NULL OR w.status = 'OKAND') AS not_known,
                       count(*) FILTER (WHERE w.review_on < ?) AS due,
                       count(*) FILTER (WHERE w.twentieth_birthday < ?) AS turning_20
                  FROM (""" + inner + ") w").params(params)
                .query((rs, n) -> new Figures(rs.getLong("open"), rs.getLong("not_known"), rs.getLong("due"),
                        rs.getLong("turning_20")))
                .single();
    }

    record Figures(long open, long notKnown, long due, long turning20) {
    }

    /** Every open episode of the filter, in order, for an export or a letter batch. */
    List<Row> all(long organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("SELECT * FROM (" + select(organisationId, q, params) + ") w ORDER BY " + order(q.sort()))
                .params(params).query((rs, n) -> row(rs, q.lastImport())).list();
    }

    private static String select(long organisationId, Query q, List<Object> params) {
        params.add(organisationId);
        // status, review date and attempts are the episode's derived columns (migration V13), not aggregates
        var sql = new StringBuilder("""
                SELECT e.id AS episode_id, e.person_id, e.registered_on, e.assigned_to, e.import_id,
                       y.first_name, y.last_name, y.personal_identity_number, y.reserve_identity, y.protected_identity,
                       coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31))
                           AS twentieth_birthday,
                       e.current_status AS status, e.current_review_on AS review_on, e.attempts, e.reached,
                       e.last_attempt_on AS last_attempt, u.display_name AS assignee
                  FROM kaa_episode e
                  JOIN young_person y ON y.id = e.person_id
                  LEFT JOIN user_account u ON u.id = e.assigned_to
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL""");
        var where = new StringBuilder();
        switch (q.filter()) {
            case NOT_KNOWN -> where.append(" AND (w.status IS NULL OR w.status = 'OKAND')");
            case DUE -> {
                where.append(" AND w.review_on < ?");
                params.add(q.today());
            }
            case NOT_REACHED -> {
                where.append(" AND NOT w.reached AND w.attempts >= ?");
                params.add(q.attemptsWithoutReach());
            }
            case NO_RECENT_ATTEMPT -> {
                where.append(" AND (w.last_attempt IS NULL OR w.last_attempt < ?)"
                        + " AND (w.status IS NULL OR w.status IN ('OKAND', 'EJ_ANTRAFFBAR', 'KONTAKTAD'))");
                params.add(q.today().minusDays(q.daysWithoutAttempt()));
            }
            case TURNING_20 -> {
                where.append(" AND w.twentieth_birthday < ?");
                params.add(q.today().withDayOfMonth(1).plusMonths(2));
            }
            case NEW_FROM_IMPORT -> {
                where.append(" AND w.import_id = ?");
                params.add(q.lastImport());
            }
            case MINE -> {
                where.append(" AND w.assigned_to = ?");
                params.add(q.userId());
            }
            case UNASSIGNED -> where.append(" AND w.assigned_to IS NULL");
            default -> {
            }
        }
        return "SELECT * FROM (" + sql + ") w WHERE true" + where;
    }

    private static String order(Sort sort) {
        return switch (sort) {
            case TWENTIETH_BIRTHDAY -> "w.twentieth_birthday, w.last_name, w.first_name, w.episode_id";
            case REVIEW -> "w.review_on NULLS FIRST, w.last_name, w.first_name, w.episode_id";
            case LAST_ATTEMPT -> "w.last_attempt NULLS FIRST, w.last_name, w.first_name, w.episode_id";
            case REGISTERED -> "w.registered_on DESC, w.last_name, w.first_name, w.episode_id";
            default -> "w.last_name, w.first_name, w.episode_id";
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
