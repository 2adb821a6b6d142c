-- Architecture (issue 21, ADR 0003): the follow-up units are no longer kept by progression's triggers on the plan
-- module's and the registry's tables. Plan and registry publish events (JourneyRecorded, JourneyEventRemoved,
-- EnrolmentChanged, PlanStepAdded, PersonDetailsSaved) and progression's FollowUpUnitEvents refreshes the units and
-- logs the contacts in the writing transaction; the source view reads only published read views.
DROP TRIGGER follow_up_unit_enrolment_inserted ON enrolment;
DROP TRIGGER follow_up_unit_enrolment_updated ON enrolment;
DROP TRIGGER follow_up_unit_plan_step_inserted ON plan_step;
DROP TRIGGER follow_up_unit_person_updated ON young_person;
DROP TRIGGER follow_up_unit_contact_inserted ON journey_event;
DROP TRIGGER follow_up_unit_contact_updated ON journey_event;
DROP TRIGGER follow_up_unit_contact_updated_to ON journey_event;
DROP TRIGGER follow_up_unit_contact_deleted ON journey_event;
DROP TRIGGER follow_up_contacts_inserted ON journey_event;
DROP TRIGGER follow_up_contacts_updated_from ON journey_event;
DROP TRIGGER follow_up_contacts_updated_to ON journey_event;
DROP TRIGGER follow_up_contacts_deleted ON journey_event;

DROP FUNCTION follow_up_unit_of_enrolments();
DROP FUNCTION follow_up_unit_of_plan_steps();
DROP FUNCTION follow_up_unit_of_person();
DROP FUNCTION follow_up_unit_of_contacts();
DROP FUNCTION follow_up_contacts_written();

-- The same units as before (V33), from plan's published views plan_enrolment, plan_programme, plan_person_step and
-- plan_journey_event and the registry's registry_person. A view over one table is inlined by the planner, so the
-- refresh is planned as it was over the tables.
CREATE OR REPLACE VIEW follow_up_unit_source AS
SELECT x.programme_id, x.started_on, x.age, x.ended_on, x.discharged_on, x.first_plan_on,
       follow_up_plan_months(x.started_on, x.first_plan_on) AS plan_months, x.contacts, x.first_contact_on,
       x.last_contact_on, x.end_measured_on, x.start_measured_on,
       x.gender, x.end_reason, x.end_occupation, x.start_occupation, x.person_id, x.enrolment_id, x.transferred_from,
       x.start_incomes, x.end_incomes, x.id, x.group_activities, x.first_group_on, x.last_group_on
  FROM (SELECT e.programme_id, e.started_on,
               extract(year FROM e.started_on)::int - coalesce(p.birth_year, y.birth_year) AS age, e.ended_on,
               CASE WHEN e.end_reason IS NULL OR e.end_reason NOT IN ('OVERFORD', 'FELREGISTRERAD') THEN e.ended_on
               END AS discharged_on,
               (SELECT min(ps.created_at)::date FROM plan_person_step ps
                 WHERE ps.person_id = e.person_id) AS first_plan_on,
               k.contacts, k.first_contact_on, k.last_contact_on, r.measured_on AS end_measured_on,
               s.measured_on AS start_measured_on,
               coalesce(p.gender, y.gender) AS gender, e.end_reason, r.occupation AS end_occupation,
               s.occupation AS start_occupation, e.person_id, e.id AS enrolment_id, e.transferred_from,
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = s.id) AS start_incomes,
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = r.id) AS end_incomes,
               e.id, g.group_activities, g.first_group_on, g.last_group_on
          FROM plan_enrolment e
          JOIN registry_person y ON y.id = e.person_id
          JOIN plan_programme pr ON pr.id = e.programme_id
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS contacts, min(j.occurred_on) AS first_contact_on,
                     max(j.occurred_on) AS last_contact_on
                FROM plan_journey_event j
               WHERE j.person_id = e.person_id AND j.kind = 'KONTAKT' AND j.organisation_id = pr.organisation_id
                 AND j.occurred_on >= e.started_on AND (e.ended_on IS NULL OR j.occurred_on <= e.ended_on)) k
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS group_activities, min(j.occurred_on) AS first_group_on,
                     max(j.occurred_on) AS last_group_on
                FROM plan_journey_event j
               WHERE j.person_id = e.person_id AND j.kind = 'GRUPPAKTIVITET' AND j.organisation_id = pr.organisation_id
                 AND j.occurred_on >= e.started_on AND (e.ended_on IS NULL OR j.occurred_on <= e.ended_on)) g
          LEFT JOIN participant p ON p.enrolment_id = e.id
          LEFT JOIN registration s ON s.participant_id = p.id AND s.kind = 'START'
          LEFT JOIN registration r ON r.participant_id = p.id AND r.kind = 'SLUT'
         WHERE NOT EXISTS (SELECT 1 FROM anonymous_enrolment a WHERE a.enrolment_id = e.id)
        UNION ALL
        -- an anonymous participant has no end reason (so an end is a discharge), no plan and no journey
        SELECT p.programme_id, p.started_on, extract(year FROM p.started_on)::int - p.birth_year, p.ended_on,
               p.ended_on, NULL, 0, NULL, NULL, r.measured_on, s.measured_on, p.gender, NULL, r.occupation,
               s.occupation, NULL, NULL, NULL,
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = s.id),
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = r.id),
               p.id, 0, NULL::date, NULL::date
          FROM participant p
          LEFT JOIN registration s ON s.participant_id = p.id AND s.kind = 'START'
          LEFT JOIN registration r ON r.participant_id = p.id AND r.kind = 'SLUT'
         WHERE p.enrolment_id IS NULL) x;
