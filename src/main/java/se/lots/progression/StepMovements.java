package se.lots.progression;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StepMovements {

    private final JdbcClient jdbc;

    StepMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StepMovement> ofParticipant(UUID participantId) {
        return jdbc.sql("""
                SELECT m.id, m.participant_id, m.moved_on, m.from_position, f.label AS from_label, m.to_position,
                       t.label AS to_label, m.note, m.derived
                  FROM step_movement m LEFT JOIN ladder_step f ON f.position = m.from_position
                                       LEFT JOIN ladder_step t ON t.position = m.to_position
                 WHERE m.participant_id = ? ORDER BY m.moved_on, m.created_at""")
                .param(participantId)
                .query((rs, n) -> new StepMovement(rs.getObject("id", UUID.class),
                        rs.getObject("participant_id", UUID.class), rs.getObject("moved_on", LocalDate.class),
                        rs.getInt("from_position"), rs.getString("from_label"), rs.getInt("to_position"),
                        rs.getString("to_label"), rs.getString("note"), rs.getBoolean("derived")))
                .list();
    }

    void insert(UUID participantId, LocalDate movedOn, int from, int to, String note, long userId) {
        jdbc.sql("""
                INSERT INTO step_movement (participant_id, moved_on, from_position, to_position, note, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(participantId, movedOn, from, to, note, userId).update();
    }

    /**
     * The derivation rule: each occupation has a ladder position (working or studying = the top step); when the START
     * and SLUT occupations sit on different positions, one derived movement from the one to the other, dated on the
     * SLUT measurement. Saving either registration again replaces it.
     */
    void derive(UUID participantId, Registration start, Registration end, long userId) {
        jdbc.sql("DELETE FROM step_movement WHERE participant_id = ? AND derived").param(participantId).update();
        if (start == null || end == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO step_movement (participant_id, moved_on, from_position, to_position, derived, created_by)
                SELECT ?, ?, f.ladder_position, t.ladder_position, true, ?
                  FROM occupation_category f, occupation_category t
                 WHERE f.code = ? AND t.code = ? AND f.ladder_position <> t.ladder_position""")
                .params(participantId, end.measuredOn(), userId, start.occupation().name(), end.occupation().name())
                .update();
    }

    List<LadderStep> ladder() {
        return jdbc.sql("SELECT id, position, label, description FROM ladder_step ORDER BY position")
                .query((rs, n) -> new LadderStep(rs.getLong("id"), rs.getInt("position"), rs.getString("label"),
                        rs.getString("description")))
                .list();
    }

    boolean positionExists(int position) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ladder_step WHERE position = ?)").param(position)
                .query(Boolean.class).single();
    }

    void saveStep(int position, String label, String description) {
        jdbc.sql("""
                INSERT INTO ladder_step (position, label, description) VALUES (?, ?, ?)
                ON CONFLICT (position) DO UPDATE SET label = EXCLUDED.label, description = EXCLUDED.description""")
                .params(position, label, description).update();
    }
}
