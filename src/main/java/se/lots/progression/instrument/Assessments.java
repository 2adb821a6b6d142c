package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Assessments {

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID participationId, long instrumentId, Rater rater, LocalDate on, BigDecimal total,
            Map<Long, BigDecimal> scores, long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO assessment (participant_id, instrument_id, rater, assessed_on, total, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(participationId, instrumentId, rater.name(), on, total, userId).query(UUID.class).single();
        scores.forEach((item, score) -> jdbc.sql(
                "INSERT INTO assessment_score (assessment_id, item_id, score) VALUES (?, ?, ?)")
                .params(id, item, score).update());
        return id;
    }

    /** A participant's assessments, oldest first. */
    List<Assessment> ofParticipation(UUID participationId) {
        var scores = new LinkedHashMap<UUID, Map<Long, BigDecimal>>();
        jdbc.sql("""
                SELECT s.assessment_id, s.item_id, s.score FROM assessment_score s JOIN assessment a ON a.id = s.assessment_id
                 WHERE a.participant_id = ?""").param(participationId).query(rs -> {
                     scores.computeIfAbsent(rs.getObject("assessment_id", UUID.class), k -> new LinkedHashMap<>())
                             .put(rs.getLong("item_id"), rs.getBigDecimal("score").stripTrailingZeros());
                 });
        return jdbc.sql("""
                SELECT id, participant_id, instrument_id, rater, assessed_on, total FROM assessment
                 WHERE participant_id = ? ORDER BY assessed_on, created_at""").param(participationId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Assessment(id, rs.getObject("participant_id", UUID.class), rs.getLong("instrument_id"),
                            Rater.valueOf(rs.getString("rater")), rs.getObject("assessed_on", LocalDate.class),
                            rs.getBigDecimal("total").stripTrailingZeros(), scores.getOrDefault(id, Map.of()));
                }).list();
    }

    /** Totals of a programme's participants, by participant, instrument and rater, oldest first. */
    List<Map<String, Object>> seriesOfProgramme(long programmeId) {
        return jdbc.sql("""
                SELECT a.participant_id, a.instrument_id, a.rater, a.assessed_on, a.total
                  FROM assessment a JOIN participant p ON p.id = a.participant_id
                 WHERE p.programme_id = ? ORDER BY a.participant_id, a.instrument_id, a.rater, a.assessed_on, a.created_at""")
                .param(programmeId).query().listOfRows();
    }
}
