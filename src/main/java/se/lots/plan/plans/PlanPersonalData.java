package se.lots.plan.plans;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * The plan module's part of a register extract: enrolments, the plan with its needs, tracks, steps and reviews,
 * support persons, meetings, referrals and the journey. Other people in it are shown as the relation: a support
 * person by name and role (not their phone), meeting participants and staff by organisation and role.
 */
@Component
class PlanPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    PlanPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "plan";
    }

    @Override
    public Set<String> tables() {
        return Set.of("enrolment", "plan", "plan_need", "plan_track", "plan_step", "plan_step_dependency",
                "plan_review", "support_person", "meeting", "meeting_organisation", "meeting_participant", "referral",
                "referral_status", "journey_event");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        var section = PersonalDataSection.of(register());
        section.table("enrolment", rows("""
                SELECT e.started_on::text AS heading, o.name AS organisation, p.name AS programme, e.started_on,
                       r.name AS referring_organisation, e.reason, e.ended_on, e.end_reason AS end_reason_code
                  FROM enrolment e JOIN programme p ON p.id = e.programme_id
                  LEFT JOIN organisation_directory o ON o.id = e.organisation_id
                  LEFT JOIN organisation_directory r ON r.id = e.referring_organisation_id
                 WHERE e.person_id = ?
                 ORDER BY e.started_on""", personId), Map.of("end_reason_code", "enrolment.end."));
        section.table("plan", rows("""
                SELECT goal, strengths, next_review_on, created_at, updated_at FROM plan WHERE person_id = ?""",
                personId));
        section.table("plan_need", rows("""
                SELECT n.need_code, n.recorded_at FROM plan_need n JOIN plan p ON p.id = n.plan_id
                 WHERE p.person_id = ? ORDER BY n.recorded_at""", personId));
        section.table("plan_track", rows("""
                SELECT t.name AS heading, t.kind AS kind_code, t.name FROM plan_track t JOIN plan p ON p.id = t.plan_id
                 WHERE p.person_id = ? ORDER BY t.position""", personId), Map.of("kind_code", "track."));
        section.table("plan_step", rows("""
                SELECT s.title AS heading, o.name AS organisation, s.title, s.how, s.why, s.next_step, s.obstacles,
                       s.responsible_party AS responsible_party_code, s.contact_name, s.starts_on, s.due_on,
                       s.status AS status_code, s.cancel_reason, s.confidential, s.created_at, s.updated_at
                  FROM plan_step s JOIN plan p ON p.id = s.plan_id
                  LEFT JOIN organisation_directory o ON o.id = s.organisation_id
                 WHERE p.person_id = ? ORDER BY s.created_at""", personId), Map.of("status_code", "step.status.",
                "responsible_party_code", "party."));
        section.table("plan_step_dependency", rows("""
                SELECT s.title AS heading, s.title AS step, b.title AS depends_on
                  FROM plan_step_dependency d JOIN plan_step s ON s.id = d.step_id JOIN plan_step b ON b.id = d.depends_on
                  JOIN plan p ON p.id = s.plan_id
                 WHERE p.person_id = ? ORDER BY s.created_at""", personId));
        section.table("plan_review", rows("""
                SELECT r.held_on::text AS heading, r.held_on, r.note, r.next_review_on
                  FROM plan_review r JOIN plan p ON p.id = r.plan_id
                 WHERE p.person_id = ? ORDER BY r.held_on""", personId));
        section.table("support_person", rows("""
                SELECT s.name AS heading, s.name, s.role AS support_role_code, s.added_at
                  FROM support_person s JOIN plan p ON p.id = s.plan_id
                 WHERE p.person_id = ? ORDER BY s.added_at""", personId), Map.of("support_role_code", "support."));
        section.table("meeting", rows("""
                SELECT m.held_on::text AS heading, o.name AS organisation, m.kind AS meeting_kind_code, m.held_on,
                       m.young_person_present, m.guardian_present, m.minutes, m.next_meeting_on
                  FROM meeting m LEFT JOIN organisation_directory o ON o.id = m.organisation_id
                 WHERE m.person_id = ? ORDER BY m.held_on""", personId), Map.of("meeting_kind_code", "meeting.kind."));
        section.table("meeting_organisation", rows("""
                SELECT m.held_on::text AS heading, o.name AS organisation
                  FROM meeting_organisation mo JOIN meeting m ON m.id = mo.meeting_id
                  LEFT JOIN organisation_directory o ON o.id = mo.organisation_id
                 WHERE m.person_id = ? ORDER BY m.held_on, o.name""", personId));
        section.table("meeting_participant", rows("""
                SELECT m.held_on::text AS heading, o.name AS organisation, mp.role AS participant_role
                  FROM meeting_participant mp JOIN meeting m ON m.id = mp.meeting_id
                  LEFT JOIN organisation_directory o ON o.id = mp.organisation_id
                 WHERE m.person_id = ? ORDER BY m.held_on""", personId));
        section.table("referral", rows("""
                SELECT r.sent_at::date::text AS heading, f.name AS from_organisation, t.name AS to_organisation,
                       r.intervention, r.reason, r.request, r.status AS referral_status_code, r.status_reason,
                       r.sent_at, r.received_at, r.answered_at, r.started_at, r.ended_at
                  FROM referral r
                  LEFT JOIN organisation_directory f ON f.id = r.from_organisation_id
                  LEFT JOIN organisation_directory t ON t.id = r.to_organisation_id
                 WHERE r.person_id = ? ORDER BY r.sent_at""", personId), Map.of("referral_status_code", "referral.status."));
        section.table("referral_status", rows("""
                SELECT s.changed_at::date::text AS heading, s.status AS referral_status_code, s.reason, s.changed_at
                  FROM referral_status s JOIN referral r ON r.id = s.referral_id
                 WHERE r.person_id = ? ORDER BY s.changed_at""", personId), Map.of("referral_status_code", "referral.status."));
        section.table("journey_event", rows("""
                SELECT j.occurred_on::text AS heading, o.name AS organisation, j.kind AS journey_kind_code,
                       j.occurred_on, j.summary, j.confidential
                  FROM journey_event j LEFT JOIN organisation_directory o ON o.id = j.organisation_id
                 WHERE j.person_id = ? ORDER BY j.occurred_on, j.recorded_at""", personId), Map.of("journey_kind_code", "journey."));
        return section.build();
    }

    private List<Map<String, Object>> rows(String sql, UUID personId) {
        return jdbc.sql(sql).param(personId).query().listOfRows();
    }
}
