package se.lots.progression.ladder;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.progression.registration.Registration;

@Repository
public class StepMovements {

    private final JdbcClient jdbc;

    StepMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StepMovement> ofParticipation(UUID participationId) {
        return jdbc.sql("""
                SELECT m.id, m.participant_id, m.moved_on, f.id AS from_id, f.position AS from_position,
                       f.label AS from_label, t.id AS to_id, t.position AS to_position, t.label AS to_label, m.note,
                       m.derived
                  FROM step_movement m JOIN ladder_step f ON f.id = m.from_step_id
                                       JOIN ladder_step t ON t.id = m.to_step_id
                 WHERE m.participant_id = ? ORDER BY m.moved_on, m.created_at""")
                .param(participationId)
                .query((rs, n) -> new StepMovement(rs.getObject("id", UUID.class),
                        rs.getObject("participant_id", UUID.class), rs.getObject("moved_on", LocalDate.class),
                        rs.getLong("from_id"), rs.getInt("from_position"), rs.getString("from_label"),
                        rs.getLong("to_id"), rs.getInt("to_position"), rs.getString("to_label"), rs.getString("note"),
                        rs.getBoolean("derived")))
                .list();
    }

    void insert(UUID participationId, LocalDate movedOn, long fromStepId, long toStepId, String note, long userId) {
        jdbc.sql("""
                INSERT INTO step_movement (participant_id, moved_on, from_step_id, to_step_id, note, created_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(participationId, movedOn, fromStepId, toStepId, note, userId).update();
    }

    /**
     * The derivation rule: each occupation has a ladder step (working or studying = the top step); when the START
     * and SLUT occupations sit on different steps, one derived movement from the one to the other, dated on the
     * SLUT measurement. Saving either registration again replaces it.
     */
    public void derive(UUID participationId, Registration start, Registration end, long userId) {
        jdbc.sql("DELETE FROM step_movement WHERE participant_id = ? AND derived").param(participationId).update();
        if (start == null || end == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO step_movement (participant_id, moved_on, from_step_id, to_step_id, derived, created_by)
                SELECT ?, ?, f.ladder_step_id, t.ladder_step_id, true, ?
                  FROM occupation_category f, occupation_category t
                 WHERE f.code = ? AND t.code = ? AND f.ladder_step_id <> t.ladder_step_id""")
                .params(participationId, end.measuredOn(), userId, start.occupation().name(), end.occupation().name())
                .update();
    }

    List<LadderStep> ladder() {
        return jdbc.sql("""
                SELECT s.id, s.position, s.label, s.description, s.retired,
                       EXISTS (SELECT 1 FROM step_movement m WHERE m.from_step_id = s.id OR m.to_step_id = s.id)
                       OR EXISTS (SELECT 1 FROM occupation_category o WHERE o.ladder_step_id = s.id) AS in_use
                  FROM ladder_step s ORDER BY s.position""")
                .query((rs, n) -> new LadderStep(rs.getLong("id"), rs.getInt("position"), rs.getString("label"),
                        rs.getString("description"), rs.getBoolean("retired"), rs.getBoolean("in_use")))
                .list();
    }

    /** A step a new movement may be recorded on: on the ladder and not retired. */
    boolean offered(long stepId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ladder_step WHERE id = ? AND NOT retired)").param(stepId)
                .query(Boolean.class).single();
    }

    long addStep(String label, String description) {
        return jdbc.sql("""
                INSERT INTO ladder_step (position, label, description)
                SELECT coalesce(max(position), 0) + 1, ?, ? FROM ladder_step RETURNING id""")
                .params(label, description).query(Long.class).single();
    }

    boolean updateStep(long id, String label, String description) {
        return jdbc.sql("UPDATE ladder_step SET label = ?, description = ? WHERE id = ?")
                .params(label, description, id).update() == 1;
    }

    boolean setRetired(long id, boolean retired) {
        return jdbc.sql("UPDATE ladder_step SET retired = ? WHERE id = ?").params(retired, id).update() == 1;
    }

    /** Swaps the step with its neighbour above ({@code -1}) or below ({@code +1}); false at the end of the ladder. */
    boolean move(long id, int direction) {
        // the unique position is checked at commit, so the two can swap
        return jdbc.sql("""
                WITH me AS (SELECT id, position FROM ladder_step WHERE id = :id),
                     other AS (SELECT s.id, s.position FROM ladder_step s, me
                                WHERE CASE WHEN :direction < 0 THEN s.position < me.position ELSE s.position > me.position END
                                ORDER BY CASE WHEN :direction < 0 THEN -s.position ELSE s.position END LIMIT 1)
                UPDATE ladder_step s SET position = CASE WHEN s.id = me.id THEN other.position ELSE me.position END
                  FROM me, other WHERE s.id IN (me.id, other.id)""")
                .param("id", id).param("direction", direction).update() == 2;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM ladder_step WHERE id = ?").param(id).update() == 1;
    }
}
