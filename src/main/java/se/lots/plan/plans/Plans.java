package se.lots.plan.plans;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.lots.plan.PlanStepAdded;

import se.lots.organisation.OrganisationId;

/** The plan, its tracks, steps, support persons and reviews, in SQL. */
@Repository
public class Plans {

    private static final String PLAN_COLUMNS = """
            p.id, p.person_id, p.goal, p.strengths, p.coordinator_user_id, c.display_name AS coordinator_name,
            p.next_review_on, p.updated_at, u.display_name AS updated_by_name, p.version
              FROM plan p LEFT JOIN organisation_staff c ON c.id = p.coordinator_user_id
                          JOIN organisation_staff u ON u.id = p.updated_by""";

    private static final String STEP_COLUMNS = """
            s.id, s.plan_id, s.track_id, s.organisation_id, o.name AS organisation_name, s.responsible_user_id,
            r.display_name AS responsible_user_name, s.contact_name, s.responsible_party, s.title, s.how, s.why,
            s.next_step, s.obstacles, s.starts_on, s.due_on, s.status, s.cancel_reason, s.confidential, s.meeting_id,
            ARRAY(SELECT d.depends_on FROM plan_step_dependency d WHERE d.step_id = s.id) AS depends_on,
            s.updated_at, u.display_name AS updated_by_name, s.version
              FROM plan_step s JOIN organisation_directory o ON o.id = s.organisation_id
                               LEFT JOIN organisation_staff r ON r.id = s.responsible_user_id
                               JOIN organisation_staff u ON u.id = s.updated_by""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Plans(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Plan> byPerson(UUID personId) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + " WHERE p.person_id = ?").param(personId).query(Plans::plan)
                .optional();
    }

    public Optional<Plan> byId(UUID planId) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + " WHERE p.id = ?").param(planId).query(Plans::plan).optional();
    }

    /** Creates the plan with its four standard tracks; returns the existing one's id if another user was first. */
    public UUID create(UUID personId, long userId) {
        UUID id = jdbc.sql("""
                INSERT INTO plan (person_id, created_by, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (person_id) DO NOTHING RETURNING id""")
                .params(personId, userId, userId).query(UUID.class).optional().orElse(null);
        if (id == null) {
            return byPerson(personId).orElseThrow().id();
        }
        for (int i = 0; i < TrackKind.STANDARD.length; i++) {
            jdbc.sql("INSERT INTO plan_track (plan_id, kind, position) VALUES (?, ?, ?)")
                    .params(id, TrackKind.STANDARD[i].name(), i).update();
        }
        return id;
    }

    /** Saves the plan's fields only if nobody saved since {@code version}; false means someone did. */
    public boolean update(UUID planId, String goal, String strengths, Long coordinatorUserId, LocalDate nextReviewOn,
            int version, long userId) {
        return jdbc.sql("""
                UPDATE plan SET goal = ?, strengths = ?, coordinator_user_id = ?, next_review_on = ?,
                                updated_by = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(goal, strengths, coordinatorUserId, nextReviewOn, userId, planId, version).update() == 1;
    }

    public void setNextReview(UUID planId, LocalDate nextReviewOn, long userId) {
        jdbc.sql("""
                UPDATE plan SET next_review_on = ?, updated_by = ?, updated_at = now(), version = version + 1
                 WHERE id = ?""").params(nextReviewOn, userId, planId).update();
    }

    public List<TrackRow> tracks(UUID planId) {
        return jdbc.sql("SELECT id, kind, name, position FROM plan_track WHERE plan_id = ? ORDER BY position, id")
                .param(planId)
                .query((rs, n) -> new TrackRow(rs.getLong("id"), TrackKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getInt("position")))
                .list();
    }

    public long addTrack(UUID planId, String name) {
        return jdbc.sql("""
                INSERT INTO plan_track (plan_id, kind, name, position)
                SELECT ?, 'EGET', ?, coalesce(max(position), -1) + 1 FROM plan_track WHERE plan_id = ?
                RETURNING id""").params(planId, name, planId).query(Long.class).single();
    }

    /** The steps the viewer may see: the own organisation's, and the others' unless confidential on a shared view. */
    public List<PlanStep> visibleSteps(UUID planId, OrganisationId organisationId, boolean shared) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " " + """
                 WHERE s.plan_id = :plan AND (s.organisation_id = :org OR (:shared AND NOT s.confidential))
                 ORDER BY s.starts_on NULLS LAST, s.due_on NULLS LAST, s.created_at""")
                .param("plan", planId).param("org", organisationId.value()).param("shared", shared)
                .query(Plans::step).list();
    }

    public Optional<PlanStep> step(UUID stepId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " WHERE s.id = ?").param(stepId).query(Plans::step).optional();
    }

    /** Adds a step; {@link PlanStepAdded} tells the follow-up module the plan's first step may have changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID insertStep(UUID planId, OrganisationId organisationId, StepValues v, UUID meetingId, long userId) {
        var added = jdbc.sql("""
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_user_id, contact_name,
                                       responsible_party, title, how, why, next_step, obstacles, starts_on, due_on,
                                       status, cancel_reason, confidential, meeting_id, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id, (SELECT person_id FROM plan WHERE plan.id = plan_id) AS person_id""")
                .params(planId, v.trackId(), organisationId.value(), v.responsibleUserId(), v.contactName(),
                        v.responsibleParty().name(), v.title(), v.how(), v.why(), v.nextStep(), v.obstacles(),
                        v.startsOn(), v.dueOn(), v.status().name(), v.cancelReason(), v.confidential(), meetingId,
                        userId, userId)
                .query((rs, n) -> new PlanStepAdded(rs.getObject("person_id", UUID.class),
                        rs.getObject("id", UUID.class)))
                .single();
        replaceDependencies(added.stepId(), v.dependsOn());
        events.publishEvent(added);
        return added.stepId();
    }

    /** Saves the step only if nobody saved it since {@code version}; false means someone did. */
    public boolean updateStep(UUID stepId, StepValues v, int version, long userId) {
        boolean saved = jdbc.sql("""
                UPDATE plan_step SET track_id = ?, responsible_user_id = ?, contact_name = ?, responsible_party = ?,
                                     title = ?, how = ?, why = ?, next_step = ?, obstacles = ?, starts_on = ?,
                                     due_on = ?, status = ?, cancel_reason = ?, confidential = ?, updated_by = ?,
                                     updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(v.trackId(), v.responsibleUserId(), v.contactName(), v.responsibleParty().name(), v.title(),
                        v.how(), v.why(), v.nextStep(), v.obstacles(), v.startsOn(), v.dueOn(), v.status().name(),
                        v.cancelReason(), v.confidential(), userId, stepId, version)
                .update() == 1;
        if (saved) {
            replaceDependencies(stepId, v.dependsOn());
        }
        return saved;
    }

    private void replaceDependencies(UUID stepId, List<UUID> dependsOn) {
        jdbc.sql("DELETE FROM plan_step_dependency WHERE step_id = ?").param(stepId).update();
        for (UUID d : dependsOn) {
            jdbc.sql("INSERT INTO plan_step_dependency (step_id, depends_on) VALUES (?, ?)").params(stepId, d).update();
        }
    }

    public List<SupportPerson> supportPersons(UUID planId) {
        return jdbc.sql("SELECT id, name, role, phone FROM support_person WHERE plan_id = ? ORDER BY added_at, id")
                .param(planId)
                .query((rs, n) -> new SupportPerson(rs.getLong("id"), rs.getString("name"),
                        SupportRole.valueOf(rs.getString("role")), rs.getString("phone")))
                .list();
    }

    public void addSupportPerson(UUID planId, String name, SupportRole role, String phone, long userId) {
        jdbc.sql("INSERT INTO support_person (plan_id, name, role, phone, added_by) VALUES (?, ?, ?, ?, ?)")
                .params(planId, name, role.name(), phone, userId).update();
    }

    public List<PlanReview> reviews(UUID planId) {
        return jdbc.sql("""
                SELECT r.id, r.held_on, r.note, r.next_review_on, u.display_name
                  FROM plan_review r JOIN organisation_staff u ON u.id = r.reviewed_by
                 WHERE r.plan_id = ? ORDER BY r.held_on DESC, r.id DESC""")
                .param(planId)
                .query((rs, n) -> new PlanReview(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
                        rs.getString("note"), rs.getObject("next_review_on", LocalDate.class), rs.getString(5)))
                .list();
    }

    public void addReview(UUID planId, LocalDate heldOn, String note, LocalDate nextReviewOn, long userId) {
        jdbc.sql("INSERT INTO plan_review (plan_id, held_on, note, next_review_on, reviewed_by) VALUES (?, ?, ?, ?, ?)")
                .params(planId, heldOn, note, nextReviewOn, userId).update();
    }

    /** A step's plain fields once checked, typed. */
    public List<String> needs(UUID planId) {
        return jdbc.sql("SELECT need_code FROM plan_need WHERE plan_id = ? ORDER BY need_code").param(planId)
                .query(String.class).list();
    }

    public void replaceNeeds(UUID planId, Collection<String> codes, long userId) {
        jdbc.sql("DELETE FROM plan_need WHERE plan_id = ? AND NOT (need_code = ANY(?))")
                .params(planId, codes.toArray(String[]::new)).update();
        jdbc.sql("""
                INSERT INTO plan_need (plan_id, need_code, recorded_by)
                SELECT ?, c, ? FROM unnest(?::text[]) AS c ON CONFLICT DO NOTHING""")
                .params(planId, userId, codes.toArray(String[]::new)).update();
    }

    public record StepValues(long trackId, Long responsibleUserId, String contactName,
            ResponsibleParty responsibleParty, String title, String how, String why, String nextStep,
            String obstacles, LocalDate startsOn, LocalDate dueOn, StepStatus status, String cancelReason,
            boolean confidential, List<UUID> dependsOn) {
    }

    public record TrackRow(long id, TrackKind kind, String name, int position) {
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), rs.getString("goal"),
                rs.getString("strengths"), rs.getObject("coordinator_user_id", Long.class),
                rs.getString("coordinator_name"), rs.getObject("next_review_on", LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name"),
                rs.getInt("version"));
    }

    private static PlanStep step(ResultSet rs, int row) throws SQLException {
        Array deps = rs.getArray("depends_on");
        return new PlanStep(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getLong("track_id"), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("organisation_name"),
                rs.getObject("responsible_user_id", Long.class), rs.getString("responsible_user_name"),
                rs.getString("contact_name"), ResponsibleParty.valueOf(rs.getString("responsible_party")),
                rs.getString("title"), rs.getString("how"), rs.getString("why"), rs.getString("next_step"),
                rs.getString("obstacles"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), StepStatus.valueOf(rs.getString("status")),
                rs.getString("cancel_reason"), rs.getBoolean("confidential"), rs.getObject("meeting_id", UUID.class),
                Arrays.stream((Object[]) deps.getArray()).map(UUID.class::cast).toList(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by_name"),
                rs.getInt("version"));
    }
}
