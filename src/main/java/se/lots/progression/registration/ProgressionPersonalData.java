package se.lots.progression.registration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * Progression's part of a register extract: the participations of the young person's enrolments (found through
 * plan's published view), their start and end registrations with sources of income, the assessments with each
 * item's score, and the movements on the step ladder.
 */
@Component
class ProgressionPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    ProgressionPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "progression";
    }

    @Override
    public Set<String> tables() {
        return Set.of("participant", "anonymous_enrolment", "registration", "registration_income", "assessment",
                "assessment_score", "step_movement");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        var section = PersonalDataSection.of(register());
        section.table("participant", rows("""
                SELECT p.started_on::text AS heading, g.name AS programme, o.name AS organisation, p.gender AS gender_code,
                       p.birth_year, p.municipality_code, p.started_on, p.ended_on, p.anonymous_reason
                  FROM participant p JOIN plan_enrolment e ON e.id = p.enrolment_id
                  LEFT JOIN plan_programme g ON g.id = p.programme_id
                  LEFT JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE e.person_id = ? ORDER BY p.started_on""", personId), Map.of("gender_code", "progression.gender."));
        section.table("anonymous_enrolment", rows("""
                SELECT a.registered_at FROM anonymous_enrolment a JOIN plan_enrolment e ON e.id = a.enrolment_id
                 WHERE e.person_id = ?""", personId));
        section.table("registration", rows("""
                SELECT r.measured_on::text AS heading, r.kind AS registration_kind_code, r.measured_on,
                       o.label_sv AS occupation, r.work_extent, l.label_sv AS education_level, r.registered_at_af,
                       r.created_at
                  FROM registration r JOIN participant p ON p.id = r.participant_id
                  LEFT JOIN occupation_category o ON o.code = r.occupation
                  LEFT JOIN education_level_category l ON l.code = r.education_level
                  JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE e.person_id = ? ORDER BY r.measured_on""", personId));
        section.table("registration_income", rows("""
                SELECT r.measured_on::text AS heading, c.label_sv AS income_source
                  FROM registration_income i JOIN registration r ON r.id = i.registration_id
                  LEFT JOIN income_source_category c ON c.code = i.income_source
                  JOIN participant p ON p.id = r.participant_id JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE e.person_id = ? ORDER BY r.measured_on, i.income_source""", personId));
        section.table("assessment", rows("""
                SELECT a.assessed_on::text || ' ' || i.name AS heading, i.name AS instrument, a.rater AS rater_code,
                       a.assessed_on, a.total
                  FROM assessment a JOIN instrument i ON i.id = a.instrument_id
                  JOIN participant p ON p.id = a.participant_id JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE e.person_id = ? ORDER BY a.assessed_on""", personId), Map.of("rater_code", "progression.rater."));
        section.table("assessment_score", rows("""
                SELECT a.assessed_on::text || ' ' || i.name AS heading, it.label AS item, s.score
                  FROM assessment_score s JOIN assessment a ON a.id = s.assessment_id
                  JOIN instrument i ON i.id = a.instrument_id JOIN instrument_item it ON it.id = s.item_id
                  JOIN participant p ON p.id = a.participant_id JOIN plan_enrolment e ON e.id = p.enrolment_id
                 WHERE e.person_id = ? ORDER BY a.assessed_on, it.position""", personId));
        section.table("step_movement", rows("""
                SELECT m.moved_on::text AS heading, m.moved_on, f.label AS from_step, t.label AS to_step, m.note,
                       m.derived
                  FROM step_movement m JOIN participant p ON p.id = m.participant_id
                  JOIN plan_enrolment e ON e.id = p.enrolment_id
                  LEFT JOIN ladder_step f ON f.id = m.from_step_id LEFT JOIN ladder_step t ON t.id = m.to_step_id
                 WHERE e.person_id = ? ORDER BY m.moved_on, m.created_at""", personId));
        return section.build();
    }

    private List<Map<String, Object>> rows(String sql, UUID personId) {
        return jdbc.sql(sql).param(personId).query().listOfRows();
    }
}
