package se.lots.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.security.Actor;

/**
 * A person's records in each register of one organisation, all closed and from early 2025 (so that every register's
 * rule makes them due in a later year), written with SQL straight into the modules' tables: test tool only. The
 * erasure's end-to-end test erases them; the erasers' contract test removes them by retention.
 */
final class RegisterRecords {

    private RegisterRecords() {
    }

    /**
     * An ended enrolment, a plan with a track and a finished step, a journey event, a withdrawn consent to
     * {@code other}, a past appointment and a refused extract request; with {@code participation} also a participation
     * in the programme with a START registration and an assessment. The rows' ids by table.
     */
    static Map<String, UUID> write(JdbcClient jdbc, Actor lead, Actor other, UUID person, boolean participation) {
        long org = lead.organisationId().value();
        long programme = jdbc.sql("INSERT INTO programme (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(org, "Steget " + person.toString().substring(0, 8)).query(Long.class).single();
        UUID enrolment = jdbc.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, reason, ended_on,
                                       end_reason, created_by)
                VALUES (?, ?, ?, '2025-01-10', 'Egen anmälan', '2025-06-30', 'ARBETE', ?) RETURNING id""")
                .params(person, programme, org, lead.userId()).query(UUID.class).single();
        UUID plan = jdbc.sql("""
                INSERT INTO plan (person_id, goal, strengths, created_by, created_at, updated_by, updated_at)
                VALUES (?, 'Jobba med djur', 'Noggrann', ?, '2025-01-15', ?, '2025-05-01') RETURNING id""")
                .params(person, lead.userId(), lead.userId()).query(UUID.class).single();
        long track = jdbc.sql("INSERT INTO plan_track (plan_id, kind, position) VALUES (?, 'ARBETE', 1) RETURNING id")
                .param(plan).query(Long.class).single();
        UUID step = jdbc.sql("""
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_party, title, status,
                                       created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, 'KOMMUNEN', 'Praktik', 'KLAR', ?, '2025-02-01', ?, '2025-05-01') RETURNING id""")
                .params(plan, track, org, lead.userId(), lead.userId()).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, recorded_at, kind, summary)
                VALUES (?, ?, ?, '2025-03-01', '2025-03-01', 'KONTAKT', 'Samtal med Rut')""")
                .params(person, org, lead.userId()).update();
        var ids = new LinkedHashMap<String, UUID>();
        ids.put("enrolment", enrolment);
        ids.put("plan", plan);
        ids.put("plan_step", step);
        if (participation) {
            ids.putAll(participation(jdbc, lead, programme, enrolment));
        }
        ids.put("consent", jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, withdrawn_at, recorded_at, recorded_by, withdrawn_by)
                VALUES (?, ?, ?, 'SAMORDNING', '{PLAN}', 'SKRIFTLIGT', '2025-01-10', '2026-01-10',
                        '2025-03-01 10:00+01', '2025-01-10 09:00+01', ?, ?) RETURNING id""")
                .params(person, org, other.organisationId().value(), lead.userId(), lead.userId())
                .query(UUID.class).single());
        ids.put("appointment", jdbc.sql("""
                INSERT INTO appointment (person_id, organisation_id, with_user_id, starts_at, ends_at, place, purpose,
                                         context, reminder_channel, reminder_address, attendance, attendance_by,
                                         attendance_at, created_by, created_at)
                VALUES (?, ?, ?, '2025-02-01 10:00+01', '2025-02-01 11:00+01', 'Föreningslokalen', 'Samtal', 'PLAN',
                        'SMS', '070-111 22 33', 'KOM', ?, '2025-02-01 11:00+01', ?, '2025-01-25 10:00+01')
                RETURNING id""")
                .params(person, org, lead.userId(), lead.userId(), lead.userId()).query(UUID.class).single());
        ids.put("privacy_extract_request", jdbc.sql("""
                INSERT INTO privacy_extract_request (organisation_id, person_id, received_on, requested_by,
                       identity_check, status, deadline, refusal_reason, created_at, created_by)
                VALUES (?, ?, '2025-02-01', 'PERSON', 'BANKID', 'REFUSED', '2025-03-01', 'Uppenbart ogrundad',
                        '2025-02-01 10:00+01', ?) RETURNING id""")
                .params(org, person, lead.userId()).query(UUID.class).single());
        return ids;
    }

    /**
     * Writing enrolments with SQL skips the plan module's EnrolmentChanged that keeps progression's follow-up units in
     * step: bring every unit in step again, as the events would have, so that the shared database stays consistent for
     * the tests that check all units (ProgressionFunderReportIntegrationTest).
     */
    static void followUpUnitsInStep(JdbcClient jdbc) {
        jdbc.sql("""
                SELECT follow_up_unit_refresh(ARRAY(SELECT id FROM enrolment
                                                   UNION SELECT enrolment_id FROM follow_up_unit
                                                          WHERE enrolment_id IS NOT NULL))""")
                .query((rs, n) -> 1).list();
    }

    private static Map<String, UUID> participation(JdbcClient jdbc, Actor lead, long programme, UUID enrolment) {
        long org = lead.organisationId().value();
        UUID participant = jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year, started_on,
                                         ended_on, created_by, created_at)
                VALUES (?, ?, ?, 'KVINNA', 2004, '2025-01-10', '2025-06-30', ?, '2025-01-10') RETURNING id""")
                .params(programme, org, enrolment, lead.userId()).query(UUID.class).single();
        UUID registration = jdbc.sql("""
                INSERT INTO registration (participant_id, kind, measured_on, occupation, education_level,
                                          registered_at_af, created_by, created_at)
                VALUES (?, 'START', '2025-01-10', 'ARBETSSOKANDE', 'GYMNASIAL', true, ?, '2025-01-10') RETURNING id""")
                .params(participant, lead.userId()).query(UUID.class).single();
        UUID assessment = jdbc.sql("""
                INSERT INTO assessment (participant_id, instrument_id, rater, assessed_on, total, created_by, created_at)
                SELECT ?, id, 'DEN_UNGE', '2025-02-01', 12, ?, '2025-02-01' FROM instrument
                 WHERE name = 'Skattning av mående (ORS-liknande)' RETURNING id""")
                .params(participant, lead.userId()).query(UUID.class).single();
        return Map.of("participant", participant, "registration", registration, "assessment", assessment);
    }
}
