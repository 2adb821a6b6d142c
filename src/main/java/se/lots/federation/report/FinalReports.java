package se.lots.federation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.federation.report.FinalReport.FinalReportGoal;
import se.lots.federation.report.FinalReport.Status;
import se.lots.federation.report.FinalReport.FinalReportTexts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The final reports and what they read of the förbund's records (federation_programme and its parties, same module)
 * and of the published views of plan (plan_programme) and organisation (organisation_directory, organisation_staff).
 */
@Repository
class FinalReports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FinalReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The programme as the förbund holds it: the facts the report is drafted from. */
    record Facts(long programmeId, String name, String caseNumber, long ownerId, String ownerName, long federationId,
            String federationName, String purpose, String targetGroup, Integer ageFrom, Integer ageTo, String method,
            LocalDate startsOn, LocalDate endsOn, Integer expectedPerYear) {
    }

    record PartyRow(long organisationId, String name, boolean hasUsers) {
    }

    record Row(Status status, int version, FinalReportTexts texts, String figures, Instant submittedAt, String submittedByName) {
    }

    record Signed(long organisationId, String name, String email, LocalDate signedOn, boolean recorded) {
    }

    Optional<Facts> facts(long programmeId) {
        return jdbc.sql("""
                SELECT fp.programme_id, p.name, fp.case_number, p.organisation_id AS owner_id, o.name AS owner_name,
                       fp.federation_id, f.name AS federation_name, fp.purpose, fp.target_group, fp.target_age_from,
                       fp.target_age_to, fp.method, fp.starts_on, fp.ends_on, fp.expected_per_year
                  FROM federation_programme fp
                  JOIN plan_programme p ON p.id = fp.programme_id
                  JOIN organisation_directory o ON o.id = p.organisation_id
                  JOIN organisation_directory f ON f.id = fp.federation_id
                 WHERE fp.programme_id = ?""").param(programmeId)
                .query((rs, n) -> new Facts(rs.getLong("programme_id"), rs.getString("name"),
                        rs.getString("case_number"), rs.getLong("owner_id"), rs.getString("owner_name"),
                        rs.getLong("federation_id"), rs.getString("federation_name"), rs.getString("purpose"),
                        rs.getString("target_group"), (Integer) rs.getObject("target_age_from"),
                        (Integer) rs.getObject("target_age_to"), rs.getString("method"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        (Integer) rs.getObject("expected_per_year")))
                .optional();
    }

    /** The participating parties, the owner first; {@code hasUsers}: an active programme lead who can approve. */
    List<PartyRow> parties(long programmeId, long ownerId) {
        return jdbc.sql("""
                SELECT o.id, o.name, EXISTS (SELECT 1 FROM organisation_staff s WHERE s.organisation_id = o.id
                                                AND s.role = 'PROGRAMME_LEAD' AND s.active) AS has_users
                  FROM federation_programme_party pp JOIN organisation_directory o ON o.id = pp.organisation_id
                 WHERE pp.programme_id = ?
                 ORDER BY o.id <> ?, o.name""").params(programmeId, ownerId)
                .query((rs, n) -> new PartyRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    Optional<Row> row(long programmeId) {
        return jdbc.sql("""
                SELECT r.*, r.figures::text AS figures_json, s.display_name AS submitted_by_name
                  FROM federation_final_report r LEFT JOIN organisation_staff s ON s.id = r.submitted_by
                 WHERE r.programme_id = ?""").param(programmeId)
                .query((rs, n) -> new Row(Status.valueOf(rs.getString("status")), rs.getInt("version"),
                        new FinalReportTexts(rs.getString("purpose"), rs.getString("equality"), rs.getString("need_change"),
                                rs.getString("target_group"), rs.getString("expected_participants"),
                                rs.getString("target_group_change"), rs.getString("methods"),
                                rs.getString("follow_up"), rs.getString("ordinary_work"),
                                rs.getBigDecimal("money_granted"), rs.getBigDecimal("money_used"),
                                rs.getBigDecimal("money_returned"), rs.getString("returned_why"),
                                rs.getString("returned_consequences"), rs.getString("experiences")),
                        rs.getString("figures_json"),
                        rs.getObject("submitted_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("submitted_by_name")))
                .optional();
    }

    List<FinalReportGoal> goals(long programmeId) {
        return jdbc.sql("""
                SELECT goal, achieved, outcome, programme_goal_id FROM federation_final_report_goal
                 WHERE programme_id = ? ORDER BY position""").param(programmeId)
                .query((rs, n) -> new FinalReportGoal(rs.getString(1), (Boolean) rs.getObject(2), rs.getString(3),
                        (Long) rs.getObject(4)))
                .list();
    }

    java.util.Map<Long, String> lessons(long programmeId) {
        var map = new java.util.HashMap<Long, String>();
        jdbc.sql("SELECT organisation_id, lessons FROM federation_final_report_lesson WHERE programme_id = ?")
                .param(programmeId).query(rs -> {
                    map.put(rs.getLong(1), rs.getString(2));
                });
        return map;
    }

    List<Signed> signatures(long programmeId) {
        return jdbc.sql("""
                SELECT organisation_id, signer_name, signer_email, approved_on, recorded_by IS NOT NULL
                  FROM federation_final_report_approval WHERE programme_id = ?""").param(programmeId)
                .query((rs, n) -> new Signed(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)))
                .list();
    }

    void insert(long programmeId, long userId) {
        jdbc.sql("INSERT INTO federation_final_report (programme_id, created_by) VALUES (?, ?)")
                .params(programmeId, userId).update();
    }

    /** Saves the texts if the report is still at {@code version}; false when someone saved in between. */
    boolean saveTexts(long programmeId, int version, FinalReportTexts t, long userId) {
        return jdbc.sql("""
                UPDATE federation_final_report SET purpose = :purpose, equality = :equality,
                       need_change = :needChange, target_group = :targetGroup,
                       expected_participants = :expectedParticipants, target_group_change = :targetGroupChange,
                       methods = :methods, follow_up = :followUp, ordinary_work = :ordinaryWork,
                       money_granted = :moneyGranted, money_used = :moneyUsed, money_returned = :moneyReturned,
                       returned_why = :returnedWhy, returned_consequences = :returnedConsequences,
                       experiences = :experiences, version = version + 1, updated_by = :user, updated_at = now()
                 WHERE programme_id = :programme AND version = :version AND status = 'DRAFT'""")
                .param("purpose", t.purpose()).param("equality", t.equality()).param("needChange", t.needChange())
                .param("targetGroup", t.targetGroup()).param("expectedParticipants", t.expectedParticipants())
                .param("targetGroupChange", t.targetGroupChange()).param("methods", t.methods())
                .param("followUp", t.followUp()).param("ordinaryWork", t.ordinaryWork())
                .param("moneyGranted", t.moneyGranted()).param("moneyUsed", t.moneyUsed())
                .param("moneyReturned", t.moneyReturned()).param("returnedWhy", t.returnedWhy())
                .param("returnedConsequences", t.returnedConsequences()).param("experiences", t.experiences())
                .param("user", userId).param("programme", programmeId).param("version", version)
                .update() == 1;
    }

    void replaceGoals(long programmeId, List<FinalReportGoal> goals) {
        jdbc.sql("DELETE FROM federation_final_report_goal WHERE programme_id = ?").param(programmeId).update();
        int position = 0;
        for (FinalReportGoal g : goals) {
            jdbc.sql("""
                    INSERT INTO federation_final_report_goal (programme_id, position, goal, achieved, outcome,
                                                              programme_goal_id)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(programmeId, position++, g.goal(), g.achieved(), g.outcome(), g.programmeGoalId())
                    .update();
        }
    }

    void replaceLessons(long programmeId, java.util.Map<Long, String> lessons) {
        jdbc.sql("DELETE FROM federation_final_report_lesson WHERE programme_id = ?").param(programmeId).update();
        lessons.forEach((org, text) -> jdbc.sql("""
                INSERT INTO federation_final_report_lesson (programme_id, organisation_id, lessons) VALUES (?, ?, ?)""")
                .params(programmeId, org, text).update());
    }

    /** DRAFT → SUBMITTED at {@code version}, with the figures the parties approve; false when it was not so. */
    boolean submit(long programmeId, int version, FinalReportFigures figures, long userId) {
        return jdbc.sql("""
                UPDATE federation_final_report SET status = 'SUBMITTED', figures = ?::jsonb, submitted_by = ?,
                       submitted_at = now(), version = version + 1, updated_by = ?, updated_at = now()
                 WHERE programme_id = ? AND version = ? AND status = 'DRAFT'""")
                .params(JSON.writeValueAsString(figures), userId, userId, programmeId, version).update() == 1;
    }

    /** SUBMITTED → DRAFT: the approvals given so far no longer hold. */
    boolean reopen(long programmeId, int version, long userId) {
        jdbc.sql("DELETE FROM federation_final_report_approval WHERE programme_id = ?").param(programmeId).update();
        return jdbc.sql("""
                UPDATE federation_final_report SET status = 'DRAFT', figures = NULL, submitted_by = NULL,
                       submitted_at = NULL, version = version + 1, updated_by = ?, updated_at = now()
                 WHERE programme_id = ? AND version = ? AND status = 'SUBMITTED'""")
                .params(userId, programmeId, version).update() == 1;
    }

    void sign(long programmeId, long organisationId, Long approvedBy, Long recordedBy, String name, String email,
            LocalDate on) {
        jdbc.sql("""
                INSERT INTO federation_final_report_approval (programme_id, organisation_id, approved_by, recorded_by,
                                                              signer_name, signer_email, approved_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(programmeId, organisationId, approvedBy, recordedBy, name, email, on).update();
    }

    void lock(long programmeId) {
        jdbc.sql("""
                UPDATE federation_final_report SET status = 'LOCKED', locked_at = now(), version = version + 1
                 WHERE programme_id = ? AND status = 'SUBMITTED'""").param(programmeId).update();
    }

    static FinalReportFigures figures(String json) {
        return json == null ? null : JSON.readValue(json, FinalReportFigures.class);
    }
}
