-- Module 5: group activities ("en gruppaktivitet per vecka", seed 002), recorded once for the participants who took
-- part, as a journey event GRUPPAKTIVITET each, and the goal "group activities per participant-week".
--
-- A unit keeps its group activities as it keeps its contacts (V30): how many while enrolled, and the first and the
-- last day, so that a period holding them all counts them without reading the journey (a join of every unit with
-- the journey measured 230 ms at 250 000 participants, docs/benchmarks.md). The columns go at the end of the table
-- and the view, which may only grow there; follow_up_unit_before holds images of the table's row type, so it is
-- made again (empty: a kept measure is measured again from every unit after a migration anyway). No unit has a
-- group activity before this migration, so the new columns' defaults are every unit's values.
--
-- A group activity written or removed rewrites the person's units and is logged in follow_up_contact_change with its
-- kind, as a contact is (V32).

DROP TABLE follow_up_unit_before;
ALTER TABLE follow_up_unit ADD COLUMN group_activities int NOT NULL DEFAULT 0,
                           ADD COLUMN first_group_on date,
                           ADD COLUMN last_group_on date;
CREATE TABLE follow_up_unit_before (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id bigint         NOT NULL,
    unit_id      uuid,
    xid          xid8           NOT NULL,
    image        follow_up_unit,
    changed_at   timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX follow_up_unit_before_programme ON follow_up_unit_before (programme_id, xid);
CREATE INDEX follow_up_unit_before_at ON follow_up_unit_before (changed_at);

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
               (SELECT min(ps.created_at)::date FROM plan pl JOIN plan_step ps ON ps.plan_id = pl.id
                 WHERE pl.person_id = e.person_id) AS first_plan_on,
               k.contacts, k.first_contact_on, k.last_contact_on, r.measured_on AS end_measured_on,
               s.measured_on AS start_measured_on,
               coalesce(p.gender, y.gender) AS gender, e.end_reason, r.occupation AS end_occupation,
               s.occupation AS start_occupation, e.person_id, e.id AS enrolment_id, e.transferred_from,
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = s.id) AS start_incomes,
               (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
                 WHERE i.registration_id = r.id) AS end_incomes,
               e.id, g.group_activities, g.first_group_on, g.last_group_on
          FROM enrolment e
          JOIN young_person y ON y.id = e.person_id
          JOIN programme pr ON pr.id = e.programme_id
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS contacts, min(j.occurred_on) AS first_contact_on,
                     max(j.occurred_on) AS last_contact_on
                FROM journey_event j
               WHERE j.person_id = e.person_id AND j.kind = 'KONTAKT' AND j.organisation_id = pr.organisation_id
                 AND j.occurred_on >= e.started_on AND (e.ended_on IS NULL OR j.occurred_on <= e.ended_on)) k
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS group_activities, min(j.occurred_on) AS first_group_on,
                     max(j.occurred_on) AS last_group_on
                FROM journey_event j
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

CREATE OR REPLACE FUNCTION follow_up_unit_refresh(ids uuid[], rewrite boolean DEFAULT false) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM follow_up_unit WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
    DELETE FROM follow_up_unit u
     USING (SELECT unnest(ids) EXCEPT SELECT v.id FROM follow_up_unit_source v WHERE v.id = ANY (ids)) AS gone (id)
     WHERE u.id = gone.id;
    INSERT INTO follow_up_unit
    SELECT v.* FROM follow_up_unit_source v WHERE v.id = ANY (ids)
    ON CONFLICT (id) DO UPDATE SET
        programme_id = EXCLUDED.programme_id, started_on = EXCLUDED.started_on, age = EXCLUDED.age,
        ended_on = EXCLUDED.ended_on, discharged_on = EXCLUDED.discharged_on, first_plan_on = EXCLUDED.first_plan_on,
        plan_months = EXCLUDED.plan_months, contacts = EXCLUDED.contacts,
        first_contact_on = EXCLUDED.first_contact_on, last_contact_on = EXCLUDED.last_contact_on,
        end_measured_on = EXCLUDED.end_measured_on,
        start_measured_on = EXCLUDED.start_measured_on, gender = EXCLUDED.gender, end_reason = EXCLUDED.end_reason,
        end_occupation = EXCLUDED.end_occupation, start_occupation = EXCLUDED.start_occupation,
        person_id = EXCLUDED.person_id, enrolment_id = EXCLUDED.enrolment_id,
        transferred_from = EXCLUDED.transferred_from, start_incomes = EXCLUDED.start_incomes,
        end_incomes = EXCLUDED.end_incomes, group_activities = EXCLUDED.group_activities,
        first_group_on = EXCLUDED.first_group_on, last_group_on = EXCLUDED.last_group_on
    WHERE rewrite OR (follow_up_unit.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;

ALTER TABLE journey_event DROP CONSTRAINT journey_event_kind_check;
ALTER TABLE journey_event ADD CONSTRAINT journey_event_kind_check
    CHECK (kind IN ('KONTAKT', 'GRUPPAKTIVITET', 'INSKRIVNING', 'UTSKRIVNING', 'OVERFORING', 'PLAN', 'STEG',
                    'STEGSTATUS', 'MOTE', 'REMISS', 'UPPFOLJNING'));
CREATE INDEX journey_event_group_activity ON journey_event (person_id, occurred_on) WHERE kind = 'GRUPPAKTIVITET';

ALTER TABLE programme_goal DROP CONSTRAINT programme_goal_indicator_check;
ALTER TABLE programme_goal ADD CONSTRAINT programme_goal_indicator_check
    CHECK (indicator IN ('DISCHARGED_WITH_PLAN', 'PLAN_WITHIN_MONTHS', 'PARTICIPANTS', 'DISCHARGED_TO_WORK_OR_STUDIES',
                         'CONTACTS_PER_WEEK', 'GROUP_ACTIVITIES_PER_WEEK'));

ALTER TABLE follow_up_contact_change ADD COLUMN kind text NOT NULL DEFAULT 'KONTAKT'
    CHECK (kind IN ('KONTAKT', 'GRUPPAKTIVITET'));

CREATE OR REPLACE FUNCTION follow_up_contacts_written() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_contact_change (person_id, organisation_id, occurred_on, delta, xid, kind)
    SELECT c.person_id, c.organisation_id, c.occurred_on, TG_ARGV[0]::int, pg_current_xact_id(), c.kind
      FROM changed c WHERE c.kind IN ('KONTAKT', 'GRUPPAKTIVITET');
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION follow_up_unit_of_contacts() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed WHERE kind IN ('KONTAKT', 'GRUPPAKTIVITET')) THEN
        PERFORM follow_up_unit_refresh(ARRAY(
            SELECT e.id FROM enrolment e WHERE e.person_id IN (SELECT person_id FROM changed
                                                               WHERE kind IN ('KONTAKT', 'GRUPPAKTIVITET'))),
            true);
    END IF;
    RETURN NULL;
END
$$;
