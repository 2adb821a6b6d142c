package se.lots.kaa.register;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.PersonalDataSection;

/**
 * The KAA register's part of a register extract: the episodes in each municipality's register, the statuses, the
 * contacts (letters are contacts by letter), home visits, measures and the school's early-warning signals. Staff are
 * left out (the contact's staff member is shown by role only where the row has one), as in the audit log.
 */
@Component
class KaaPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    KaaPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "kaa";
    }

    @Override
    public Set<String> tables() {
        return Set.of("kaa_episode", "kaa_status", "contact_attempt", "home_visit", "kaa_measure", "school_signal",
                "kaa_move", "kaa_placement");
    }

    @Override
    public PersonalDataSection extract(UUID personId) {
        return PersonalDataSection.of(register()).table("kaa_episode", jdbc.sql("""
                SELECT e.registered_on::text AS heading, o.name AS organisation, e.registered_on,
                       e.registration_reason AS registration_reason_code, e.school, e.school_municipality, e.programme,
                       e.left_school_on, e.exited_on, e.exit_reason AS exit_reason_code
                  FROM kaa_episode e LEFT JOIN organisation_directory o ON o.id = e.organisation_id
                 WHERE e.person_id = ?
                 ORDER BY e.registered_on""").param(personId).query().listOfRows(),
                        Map.of("registration_reason_code", "kaa.reason.", "exit_reason_code", "kaa.exit."))
                .table("kaa_status", jdbc.sql("""
                SELECT s.ascertained_on::text AS heading, o.name AS organisation, s.status AS status_code,
                       s.study_kind AS study_kind_code, s.occupation, s.ascertained_on, s.source AS source_code,
                       s.review_on, s.recorded_at
                  FROM kaa_status s LEFT JOIN organisation_directory o ON o.id = s.organisation_id
                 WHERE s.person_id = ?
                 ORDER BY s.ascertained_on, s.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("status_code", "kaa.status.", "study_kind_code", "kaa.studyKind.", "source_code",
                                "kaa.source."))
                .table("contact_attempt", jdbc.sql("""
                SELECT c.contacted_on::text AS heading, o.name AS organisation, c.channel AS channel_code,
                       c.contacted_on, c.outcome AS outcome_code, c.with_guardian, c.note, c.recorded_at
                  FROM contact_attempt c LEFT JOIN organisation_directory o ON o.id = c.organisation_id
                 WHERE c.person_id = ?
                 ORDER BY c.contacted_on, c.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("channel_code", "kaa.channel.", "outcome_code", "kaa.outcome."))
                .table("home_visit", jdbc.sql("""
                SELECT d.visit_on::text AS heading, o.name AS organisation, d.visit_on, h.outcome AS outcome_code,
                       h.with_guardian, h.recorded_at
                  FROM home_visit h JOIN home_visit_day d ON d.id = h.day_id
                  LEFT JOIN organisation_directory o ON o.id = d.organisation_id
                 WHERE h.person_id = ?
                 ORDER BY d.visit_on""").param(personId).query().listOfRows())
                .table("kaa_measure", jdbc.sql("""
                SELECT m.offered_on::text AS heading, o.name AS organisation, c.name_sv AS category, m.content,
                       m.responsible, m.offered_on, m.started_on, m.ended_on, m.end_reason AS end_reason_code,
                       m.follow_up_on, m.declined, m.recorded_at
                  FROM kaa_measure m LEFT JOIN organisation_directory o ON o.id = m.organisation_id
                  LEFT JOIN kaa_measure_category c ON c.code = m.category_code
                 WHERE m.person_id = ?
                 ORDER BY m.offered_on, m.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("end_reason_code", "kaa.measureEnd."))
                .table("school_signal", jdbc.sql("""
                SELECT s.period_start::text AS heading, o.name AS organisation, s.school, s.school_municipality,
                       s.programme, s.period_start, s.period_end, s.absence_percent, s.dropout_risk, s.recorded_at
                  FROM school_signal s LEFT JOIN organisation_directory o ON o.id = s.organisation_id
                 WHERE s.person_id = ?
                 ORDER BY s.period_start""").param(personId).query().listOfRows())
                .table("kaa_move", jdbc.sql("""
                SELECT m.moved_on::text AS heading, f.name AS from_municipality, t.name AS to_municipality, m.moved_on,
                       m.source AS source_code, o.name AS organisation, m.recorded_at
                  FROM kaa_move m LEFT JOIN reference_municipality f ON f.code = m.from_municipality
                  LEFT JOIN reference_municipality t ON t.code = m.to_municipality
                  LEFT JOIN organisation_directory o ON o.id = m.from_organisation_id
                 WHERE m.person_id = ?
                 ORDER BY m.moved_on, m.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("source_code", "kaa.move.source."))
                .table("kaa_placement", jdbc.sql("""
                SELECT p.from_on::text AS heading, r.name AS municipality, p.kind AS placement_kind_code, p.from_on,
                       p.to_on, o.name AS organisation, p.recorded_at
                  FROM kaa_placement p LEFT JOIN reference_municipality r ON r.code = p.municipality
                  LEFT JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE p.person_id = ?
                 ORDER BY p.from_on, p.recorded_at""").param(personId).query().listOfRows(),
                        Map.of("placement_kind_code", "kaa.placement.kind.")).build();
    }
}
