package se.lots.kaa.figures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

/**
 * The share with occupation "not known" among open episodes at each month's end, as the register knew it then: an
 * episode is open at a day when it was registered on or before it and not exited on or before it; its status is the
 * latest one ascertained on or before that day (none counts as not known).
 */
@Repository
class NotKnownTrend {

    public record Month(YearMonth month, long open, long notKnown) {

        public int percent() {
            return open == 0 ? 0 : (int) Math.round(100.0 * notKnown / open);
        }
    }

    /** Paste into psql with {@code \set org 1}, {@code \set last '2026-12-01'}, {@code \set months 24}. */
    static final String SQL = """
            WITH month_end AS (
                SELECT (d + interval '1 month - 1 day')::date AS day
                  FROM generate_series(date_trunc('month', CAST(:last AS date)) - (CAST(:months AS int) - 1)
                                       * interval '1 month', date_trunc('month', CAST(:last AS date)),
                                       interval '1 month') AS d
            )
            SELECT m.day, count(e.id) AS open,
                   count(e.id) FILTER (WHERE s.status IS NULL OR s.status = 'OKAND') AS not_known
              FROM month_end m
              LEFT JOIN kaa_episode e ON e.organisation_id = :org AND e.registered_on <= m.day
                                     AND (e.exited_on IS NULL OR e.exited_on > m.day)
              LEFT JOIN LATERAL (
                  SELECT s.status FROM kaa_status s
                   WHERE s.organisation_id = e.organisation_id AND s.person_id = e.person_id
                     AND s.ascertained_on <= m.day
                   ORDER BY s.ascertained_on DESC, s.recorded_at DESC LIMIT 1) s ON true
             GROUP BY m.day ORDER BY m.day
            """;

    private final JdbcClient jdbc;

    NotKnownTrend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Month> months(OrganisationId organisationId, YearMonth last, int months) {
        return jdbc.sql(SQL).param("org", organisationId.value()).param("last", last.atDay(1)).param("months", months)
                .query((rs, n) -> new Month(YearMonth.from(rs.getObject("day", LocalDate.class)), rs.getLong("open"),
                        rs.getLong("not_known")))
                .list();
    }
}
