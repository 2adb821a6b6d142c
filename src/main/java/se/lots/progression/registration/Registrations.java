package se.lots.progression.registration;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Registrations {

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Registration> find(UUID participationId, RegistrationKind kind) {
        return jdbc.sql("""
                SELECT r.id, r.participant_id, r.kind, r.measured_on, r.occupation, r.work_extent, r.education_level,
                       r.registered_at_af, r.version,
                       ARRAY(SELECT i.income_source FROM registration_income i JOIN income_source_category c
                               ON c.code = i.income_source WHERE i.registration_id = r.id ORDER BY c.sort_order) AS incomes
                  FROM registration r WHERE r.participant_id = ? AND r.kind = ?""")
                .params(participationId, kind.name()).query(Registrations::registration).optional();
    }

    UUID insert(UUID participationId, RegistrationKind kind, LocalDate measuredOn, Occupation occupation,
            Integer workExtent, EducationLevel education, boolean registeredAtAf, List<IncomeSource> incomes,
            long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO registration (participant_id, kind, measured_on, occupation, work_extent, education_level,
                                          registered_at_af, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(participationId, kind.name(), measuredOn, occupation.name(), workExtent, education.name(),
                        registeredAtAf, userId)
                .query(UUID.class).single();
        saveIncomes(id, incomes);
        return id;
    }

    /** Saves the registration if nobody changed it since {@code version}. */
    boolean update(UUID id, int version, LocalDate measuredOn, Occupation occupation, Integer workExtent,
            EducationLevel education, boolean registeredAtAf, List<IncomeSource> incomes, long userId) {
        boolean saved = jdbc.sql("""
                UPDATE registration SET measured_on = ?, occupation = ?, work_extent = ?, education_level = ?,
                       registered_at_af = ?, updated_by = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(measuredOn, occupation.name(), workExtent, education.name(), registeredAtAf, userId, id,
                        version)
                .update() == 1;
        if (saved) {
            jdbc.sql("DELETE FROM registration_income WHERE registration_id = ?").param(id).update();
            saveIncomes(id, incomes);
        }
        return saved;
    }

    private void saveIncomes(UUID id, List<IncomeSource> incomes) {
        for (IncomeSource s : incomes) {
            jdbc.sql("INSERT INTO registration_income (registration_id, income_source) VALUES (?, ?)")
                    .params(id, s.name()).update();
        }
    }

    private static Registration registration(ResultSet rs, int row) throws SQLException {
        Array incomes = rs.getArray("incomes");
        List<IncomeSource> sources = Arrays.stream((String[]) incomes.getArray()).map(IncomeSource::valueOf).toList();
        return new Registration(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                RegistrationKind.valueOf(rs.getString("kind")), rs.getObject("measured_on", LocalDate.class),
                Occupation.valueOf(rs.getString("occupation")), rs.getObject("work_extent", Integer.class), sources,
                EducationLevel.valueOf(rs.getString("education_level")), rs.getBoolean("registered_at_af"),
                rs.getInt("version"));
    }
}
