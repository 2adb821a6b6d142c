package se.lots.federation.report;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.federation.report.FinalReport.Status;
import se.lots.organisation.OrganisationId;

/**
 * The final reports due: programmes of the förbund whose end date has passed or is within {@value #AHEAD_DAYS} days
 * and whose report is not locked, the due date one month after the end (seed 002). One SQL a reader can paste into psql.
 */
@Repository
class FinalReportsDue {

    static final int AHEAD_DAYS = 30;

    private static final String SQL = """
            SELECT fp.programme_id, p.name, fp.case_number, p.organisation_id, o.name AS owner_name, fp.ends_on,
                   r.status
              FROM federation_programme fp
              JOIN plan_programme p ON p.id = fp.programme_id
              JOIN organisation_directory o ON o.id = p.organisation_id
              LEFT JOIN federation_final_report r ON r.programme_id = fp.programme_id
             WHERE fp.ends_on IS NOT NULL AND fp.ends_on <= :horizon
               AND (r.status IS NULL OR r.status <> 'LOCKED')
               AND %s
             ORDER BY fp.ends_on, p.name""";

    private final JdbcClient jdbc;

    FinalReportsDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The förbund's programmes (its officers' list). */
    List<FinalReportDue> ofFederation(OrganisationId federation, LocalDate today) {
        return query("fp.federation_id = :org", federation, today);
    }

    /** The programmes the organisation owns or takes part in (its programme leads' list). */
    List<FinalReportDue> ofOrganisation(OrganisationId organisation, LocalDate today) {
        return query("""
                (p.organisation_id = :org OR EXISTS (SELECT 1 FROM federation_programme_party pp
                                                     WHERE pp.programme_id = fp.programme_id
                                                       AND pp.organisation_id = :org))""", organisation, today);
    }

    private List<FinalReportDue> query(String who, OrganisationId org, LocalDate today) {
        return jdbc.sql(SQL.formatted(who)).param("horizon", today.plusDays(AHEAD_DAYS)).param("org", org.value())
                .query((rs, n) -> {
                    LocalDate ends = rs.getObject("ends_on", LocalDate.class);
                    LocalDate due = dueOn(ends);
                    String status = rs.getString("status");
                    return new FinalReportDue(rs.getLong("programme_id"), rs.getString("name"),
                            rs.getString("case_number"), new OrganisationId(rs.getLong("organisation_id")),
                            rs.getString("owner_name"), ends, due, status == null ? null : Status.valueOf(status),
                            today.isAfter(due));
                }).list();
    }

    /** Seed 002: "Slutrapport ska lämnas in till förbundet senast en månad efter avslutad insats." */
    static LocalDate dueOn(LocalDate endsOn) {
        return endsOn == null ? null : endsOn.plusMonths(1);
    }
}
