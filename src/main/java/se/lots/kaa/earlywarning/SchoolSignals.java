package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class SchoolSignals {

    private static final String COLUMNS = """
            s.id, s.person_id, s.school, s.school_municipality, s.programme, s.period_start, s.period_end,
            s.absence_percent, s.dropout_risk""";

    private final JdbcClient jdbc;

    SchoolSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's signals for these persons, by {@link SchoolSignal#key()}. */
    Map<String, SchoolSignal> byKey(OrganisationId organisationId, Collection<UUID> personIds) {
        var found = new LinkedHashMap<String, SchoolSignal>();
        var ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("SELECT " + COLUMNS + " FROM school_signal s WHERE s.organisation_id = ? AND s.person_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .param(organisationId.value()).params(chunk.toArray())
                    .query((rs, n) -> signal(rs)).list().forEach(s -> found.put(s.key(), s));
        }
        return found;
    }

    /** Oldest period first: the trend as it developed. */
    List<SchoolSignal> forPerson(OrganisationId organisationId, UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM school_signal s WHERE s.organisation_id = ? AND s.person_id = ?"
                + " ORDER BY s.period_start, s.period_end, s.school")
                .params(organisationId.value(), personId).query((rs, n) -> signal(rs)).list();
    }

    void insert(OrganisationId organisationId, SchoolSignal s, UUID importId, long userId) {
        jdbc.sql("""
                INSERT INTO school_signal (person_id, organisation_id, school, school_municipality, programme,
                                           period_start, period_end, absence_percent, dropout_risk, import_id,
                                           recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.personId(), organisationId.value(), s.school(), s.schoolMunicipality(), s.programme(),
                        s.periodStart(), s.periodEnd(), s.absencePercent(), s.dropoutRisk(), importId, userId)
                .update();
    }

    /** A corrected figure for the same school and period; false when the row is gone or changed since the preview. */
    boolean correct(SchoolSignal before, SchoolSignal after, UUID importId, long userId) {
        return jdbc.sql("""
                UPDATE school_signal SET school_municipality = ?, programme = ?, absence_percent = ?,
                       dropout_risk = ?, import_id = ?, recorded_by = ?, recorded_at = now()
                 WHERE id = ? AND absence_percent = ? AND dropout_risk = ?""")
                .params(after.schoolMunicipality(), after.programme(), after.absencePercent(), after.dropoutRisk(),
                        importId, userId, before.id(), before.absencePercent(), before.dropoutRisk())
                .update() == 1;
    }

    private static SchoolSignal signal(ResultSet rs) throws SQLException {
        return new SchoolSignal(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("school"), rs.getString("school_municipality"), rs.getString("programme"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("absence_percent"), rs.getBoolean("dropout_risk"));
    }

    static BigDecimal percent(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
