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

    List<Row> page(long organisationId, Query q, int page) {
        var params = new ArrayList<Object>();
        String sql = select(organisationId, q, params) + " ORDER BY " + order(q.sort()) + " LIMIT ? OFFSET ?";
        params.add(PAGE_SIZE);
        params.add(Math.max(0, page) * PAGE_SIZE);
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, q.lastImport())).list();
    }

    long count(long organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("SELECT count(*) FROM (" + select(organisationId, q, params) + ") w").params(params)
                .query(Long.class).single();
    }

    /** Every open episode of the filter, in order, for an export or a letter batch. */
    List<Row> all(long organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql(select(organisationId, q, params) + " ORDER BY " + order(q.sort())).params(params)
                .query((rs, n) -> row(rs, q.lastImport())).list();
    }

    private static String select(long organisationId, Query q, List<Object> params) {
        params.add(organisationId);
        params.add(organisationId);
        params.add(organisationId);
        var sql = new StringBuilder("""
                SELECT * FROM (
                SELECT e.id AS episode_id, e.person_id, e.registered_on, e.assigned_to, e.import_id,
                       y.first_name, y.last_name, y.personal_identity_number, y.reserve_identity, y.protected_identity,
                       coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31))
                           AS twentieth_birthday,
                       s.status, s.review_on, coalesce(a.attempts, 0) AS attempts, coalesce(a.reached, false) AS reached,
                       a.last_attempt, u.display_name AS assignee
                  FROM kaa_episode e
                  JOIN young_person y ON y.id = e.person_id
                  LEFT JOIN LATERAL (SELECT st.status, st.review_on FROM kaa_status st
                                      WHERE st.organisation_id = ? AND st.person_id = e.person_id
                                      ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
                  LEFT JOIN LATERAL (SELECT count(*) AS attempts, bool_or(c.outcome = 'NADD') AS reached,
                                            max(c.contacted_on) AS last_attempt
                                       FROM contact_attempt c
                                      WHERE c.organisation_id = ? AND c.person_id = e.person_id) a ON true
                  LEFT JOIN user_account u ON u.id = e.assigned_to
                 WHERE e.organisation_id = ? AND e.exited_on IS NULL) w WHERE true""");
        switch (q.filter()) {
            case NOT_KNOWN -> sql.append(" AND (w.status IS NULL OR w.status = 'OKAND')");
            case DUE -> {
                sql.append(" AND w.review_on < ?");
                params.add(q.today());
            }
            case NOT_REACHED -> {
                sql.append(" AND NOT w.reached AND w.attempts >= ?");
                params.add(q.attemptsWithoutReach());
            }
            case NO_RECENT_ATTEMPT -> {
                sql.append(" AND (w.last_attempt IS NULL OR w.last_attempt < ?)"
                        + " AND (w.status IS NULL OR w.status IN ('OKAND', 'EJ_ANTRAFFBAR', 'KONTAKTAD'))");
                params.add(q.today().minusDays(q.daysWithoutAttempt()));
            }
            case TURNING_20 -> {
                sql.append(" AND w.twentieth_birthday < ?");
                params.add(q.today().withDayOfMonth(1).plusMonths(2));
            }
            case NEW_FROM_IMPORT -> {
                sql.append(" AND w.import_id = ?");
                params.add(q.lastImport());
            }
            case MINE -> {
                sql.append(" AND w.assigned_to = ?");
                params.add(q.userId());
            }
            case UNASSIGNED -> sql.append(" AND w.assigned_to IS NULL");
            default -> {
            }
        }
        return sql.toString();
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
