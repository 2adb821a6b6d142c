package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.registry.PersonalIdentityNumber;

/**
 * The preventive worklist: every student a school has reported to the municipality, with their latest signal,
 * whether it is flagged, and the contact attempts so far. A read model: it joins the registry's published view
 * (registry_person) for names (never the address) and the KAA register to say who is already in it.
 */
@Repository
public class EarlyWarningList {

    static final int PAGE_SIZE = 50;

    /** Filters; null or blank school / municipality means any. */
    public record Query(boolean flaggedOnly, String school, String schoolMunicipality, BigDecimal thresholdPercent) {
    }

    public record Row(UUID personId, String identity, String name, boolean protectedIdentity, String school,
            String schoolMunicipality, String schoolMunicipalityName, String programme, String latestPeriod,
            BigDecimal latestAbsence, boolean dropoutRisk, boolean flagged, int attempts, boolean reached,
            LocalDate lastAttempt, boolean inKaaRegister, List<SchoolSignal> trend) {

        /** RISING, FALLING or STEADY between the last two periods; null with only one. */
        public String direction() {
            if (trend.size() < 2) {
                return null;
            }
            int c = trend.get(trend.size() - 1).absencePercent().compareTo(trend.get(trend.size() - 2).absencePercent());
            return c > 0 ? "RISING" : c < 0 ? "FALLING" : "STEADY";
        }
    }

    public record Choice(String value, String label) {
    }

    private final JdbcClient jdbc;

    EarlyWarningList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> page(OrganisationId organisationId, Query q, int page) {
        var params = new ArrayList<Object>();
        String sql = select(organisationId, q, params)
                + " ORDER BY w.flagged DESC, w.absence_percent DESC, w.last_name, w.first_name, w.person_id"
                + " LIMIT ? OFFSET ?";
        params.add(PAGE_SIZE);
        params.add(Math.max(0, page) * PAGE_SIZE);
        return withTrends(organisationId, jdbc.sql(sql).params(params).query((rs, n) -> row(rs, List.of())).list());
    }

    long count(OrganisationId organisationId, Query q) {
        var params = new ArrayList<Object>();
        return jdbc.sql("SELECT count(*) FROM (" + select(organisationId, q, params) + ") c").params(params)
                .query(Long.class).single();
    }

    /** One student of the organisation's early warning list, whatever the filters; empty when never reported. */
    Optional<Row> student(OrganisationId organisationId, UUID personId, BigDecimal thresholdPercent) {
        var params = new ArrayList<Object>();
        String sql = select(organisationId, new Query(false, null, null, thresholdPercent), params)
                + " AND w.person_id = ?";
        params.add(personId);
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, List.of())).optional()
                .map(r -> withTrends(organisationId, List.of(r)).get(0));
    }

    List<String> schools(OrganisationId organisationId) {
        return jdbc.sql("SELECT DISTINCT school FROM school_signal WHERE organisation_id = ? ORDER BY school")
                .param(organisationId.value()).query(String.class).list();
    }

    List<Choice> schoolMunicipalities(OrganisationId organisationId) {
        return jdbc.sql("""
                SELECT DISTINCT s.school_municipality, m.name FROM school_signal s
                  JOIN reference_municipality m ON m.code = s.school_municipality
                 WHERE s.organisation_id = ? ORDER BY m.name""").param(organisationId.value())
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * The latest signal per student (within the chosen school / municipality), flagged by the threshold as it is
     * configured now, with the contact attempts of the organisation, whether or not the person is in the register.
     */
    private static String select(OrganisationId organisationId, Query q, List<Object> params) {
        var inner = new StringBuilder("""
                SELECT DISTINCT ON (s.person_id) s.person_id, s.school, s.school_municipality, s.programme,
                       s.period_start, s.period_end, s.absence_percent, s.dropout_risk
                  FROM school_signal s WHERE s.organisation_id = ?""");
        var innerParams = new ArrayList<Object>();
        if (q.school() != null && !q.school().isBlank()) {
            inner.append(" AND s.school = ?");
            innerParams.add(q.school().strip());
        }
        if (q.schoolMunicipality() != null && !q.schoolMunicipality().isBlank()) {
            inner.append(" AND s.school_municipality = ?");
            innerParams.add(q.schoolMunicipality().strip());
        }
        inner.append(" ORDER BY s.person_id, s.period_end DESC, s.period_start DESC, s.absence_percent DESC");
        var sql = """
                SELECT * FROM (
                SELECT l.person_id, l.school, l.school_municipality, m.name AS school_municipality_name, l.programme,
                       l.period_start, l.period_end, l.absence_percent, l.dropout_risk,
                       -- ProblematicAbsencePolicy in SQL, so that the filter and the page count agree
                       (l.dropout_risk OR l.absence_percent >= ?) AS flagged,
                       y.first_name, y.last_name, y.personal_identity_number, y.reserve_identity, y.protected_identity,
                       coalesce(a.attempts, 0) AS attempts, coalesce(a.reached, false) AS reached, a.last_attempt,
                       EXISTS (SELECT 1 FROM kaa_episode e WHERE e.organisation_id = ? AND e.person_id = l.person_id
                                  AND e.exited_on IS NULL) AS in_register
                  FROM (%s) l
                  JOIN registry_person y ON y.id = l.person_id
                  JOIN reference_municipality m ON m.code = l.school_municipality
                  LEFT JOIN LATERAL (SELECT count(*) AS attempts, bool_or(c.outcome = 'NADD') AS reached,
                                            max(c.contacted_on) AS last_attempt
                                       FROM contact_attempt c
                                      WHERE c.organisation_id = ? AND c.person_id = l.person_id) a ON true
                ) w WHERE true""".formatted(inner);
        // placeholders in text order: threshold, episode org, [inner org, filters...], contact org
        params.add(q.thresholdPercent());
        params.add(organisationId.value());
        params.add(organisationId.value());
        params.addAll(innerParams);
        params.add(organisationId.value());
        var where = new StringBuilder(sql);
        if (q.flaggedOnly()) {
            where.append(" AND w.flagged");
        }
        return where.toString();
    }

    private List<Row> withTrends(OrganisationId organisationId, List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(Row::personId).toList();
        var trends = new LinkedHashMap<UUID, List<SchoolSignal>>();
        jdbc.sql("""
                SELECT s.id, s.person_id, s.school, s.school_municipality, s.programme, s.period_start, s.period_end,
                       s.absence_percent, s.dropout_risk
                  FROM school_signal s WHERE s.organisation_id = ? AND s.person_id IN (%s)
                 ORDER BY s.period_start, s.period_end, s.school""".formatted(
                        String.join(",", Collections.nCopies(ids.size(), "?"))))
                .param(organisationId.value()).params(ids.toArray())
                .query((rs, n) -> new SchoolSignal(rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class), rs.getString("school"),
                        rs.getString("school_municipality"), rs.getString("programme"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                        rs.getBigDecimal("absence_percent"), rs.getBoolean("dropout_risk")))
                .list().forEach(s -> trends.computeIfAbsent(s.personId(), k -> new ArrayList<>()).add(s));
        return rows.stream().map(r -> new Row(r.personId(), r.identity(), r.name(), r.protectedIdentity(), r.school(),
                r.schoolMunicipality(), r.schoolMunicipalityName(), r.programme(), r.latestPeriod(), r.latestAbsence(),
                r.dropoutRisk(), r.flagged(), r.attempts(), r.reached(), r.lastAttempt(), r.inKaaRegister(),
                List.copyOf(trends.getOrDefault(r.personId(), List.of())))).toList();
    }

    private static Row row(ResultSet rs, List<SchoolSignal> trend) throws SQLException {
        String pin = rs.getString("personal_identity_number");
        var latest = new SchoolSignal(null, rs.getObject("person_id", UUID.class), rs.getString("school"),
                rs.getString("school_municipality"), rs.getString("programme"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("absence_percent"), rs.getBoolean("dropout_risk"));
        return new Row(latest.personId(),
                pin != null ? new PersonalIdentityNumber(pin).formatted() : rs.getString("reserve_identity"),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getBoolean("protected_identity"),
                latest.school(), latest.schoolMunicipality(), rs.getString("school_municipality_name"),
                latest.programme(), latest.period(), latest.absencePercent(), latest.dropoutRisk(),
                rs.getBoolean("flagged"), rs.getInt("attempts"), rs.getBoolean("reached"),
                rs.getObject("last_attempt", LocalDate.class), rs.getBoolean("in_register"), trend);
    }
}
