package se.lots.progression.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.progression.GoalIndicator;
import se.lots.progression.ProgrammeGoal;

@Repository
public class ProgrammeGoals {

    private static final String COLUMNS = "id, programme_id, indicator, age_from, age_to, within_months, target"
            + " FROM programme_goal";

    private final JdbcClient jdbc;

    ProgrammeGoals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProgrammeGoal> ofProgramme(long programmeId) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE programme_id = ? ORDER BY id").param(programmeId)
                .query(ProgrammeGoals::goal).list();
    }

    public List<Long> programmesWithGoals() {
        return jdbc.sql("SELECT DISTINCT programme_id FROM programme_goal ORDER BY programme_id").query(Long.class).list();
    }

    public Optional<ProgrammeGoal> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?").param(id).query(ProgrammeGoals::goal).optional();
    }

    public long insert(long programmeId, GoalIndicator indicator, Integer ageFrom, Integer ageTo, Integer withinMonths,
            BigDecimal target, long userId) {
        return jdbc.sql("""
                INSERT INTO programme_goal (programme_id, indicator, age_from, age_to, within_months, target, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(programmeId, indicator.name(), ageFrom, ageTo, withinMonths, target, userId)
                .query(Long.class).single();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM programme_goal WHERE id = ?").param(id).update();
    }

    private static ProgrammeGoal goal(ResultSet rs, int row) throws SQLException {
        return new ProgrammeGoal(rs.getLong("id"), rs.getLong("programme_id"),
                GoalIndicator.valueOf(rs.getString("indicator")), (Integer) rs.getObject("age_from"),
                (Integer) rs.getObject("age_to"), (Integer) rs.getObject("within_months"), rs.getBigDecimal("target"));
    }
}
