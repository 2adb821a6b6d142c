-- follow_up_unit (V29) again, with what the report and the goals computed on every row for every view now computed
-- once, when the unit is written:
--   * the age at enrolment (extract() works in numeric: the costliest expression of the goals page);
--   * the discharge date (the end, unless it was a transfer or a wrong registration);
--   * the day of the first plan step and how many months after the start it came;
--   * the contacts (journey events KONTAKT by the programme's organisation while enrolled) with the first and last
--     contact's day: a period that holds them all counts them without reading the journey, which made the contacts
--     goal the costliest part of the goals page.
-- The columns are ordered for reading: the fixed-width ones the goals read first, so that reading a row for the goals
-- stops early. A birth year, a participant id and a plan step's time are no longer kept: nothing counted them.
-- docs/benchmarks.md has the figures.
DROP VIEW follow_up_unit_source;
DROP TABLE follow_up_unit;

CREATE TABLE follow_up_unit (
    programme_id      bigint NOT NULL REFERENCES programme (id),
    started_on        date NOT NULL,
    age               int NOT NULL,        -- in the year of enrolment (an anonymous participant has a birth year only)
    ended_on          date,
    discharged_on     date,                -- ended_on, unless the end was OVERFORD or FELREGISTRERAD
    first_plan_on     date,                -- the day the first step of the person's plan was written
    plan_months       int,                 -- the least N such that started_on + N months is on or after first_plan_on
    contacts          int NOT NULL,        -- journey events KONTAKT by the programme's organisation while enrolled
    first_contact_on  date,
    last_contact_on   date,
    end_measured_on   date,
    start_measured_on date,
    gender            text NOT NULL,
    end_reason        text,
    end_occupation    text,
    start_occupation  text,
    person_id         uuid,                -- null for an anonymous participant
    enrolment_id      uuid,                -- null for an anonymous participant
    transferred_from  uuid,
    start_incomes     text[],
    end_incomes       text[],
    id                uuid PRIMARY KEY     -- the enrolment's id, or the anonymous participant's
);
CREATE INDEX follow_up_unit_programme ON follow_up_unit (programme_id, started_on);
-- the report's movements between programmes read the few transferred units, not the whole cohort
CREATE INDEX follow_up_unit_transferred_in ON follow_up_unit (programme_id) WHERE transferred_from IS NOT NULL;
CREATE INDEX follow_up_unit_transferred_out ON follow_up_unit (programme_id) WHERE end_reason = 'OVERFORD';

-- the least N >= 0 such that started + N months (as PostgreSQL and java.time count months: the day clamped to the
-- month's end) is on or after planned; null without a plan. N is the months from started's month to planned's month,
-- plus one when the day in that month comes before planned.
CREATE FUNCTION follow_up_plan_months(started date, planned date) RETURNS int
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN planned IS NULL THEN NULL WHEN planned <= started THEN 0
                ELSE m + ((started + make_interval(months => m))::date < planned)::int END
      FROM (SELECT ((extract(year FROM planned) - extract(year FROM started)) * 12
                    + extract(month FROM planned) - extract(month FROM started))::int AS m) x
$$;

-- A plan step's day is the day in the writing session's time zone, which the driver sets to the application's.
CREATE VIEW follow_up_unit_source AS
SELECT x.programme_id, x.started_on, x.age, x.ended_on, x.discharged_on, x.first_plan_on,
       follow_up_plan_months(x.started_on, x.first_plan_on) AS plan_months, x.contacts, x.first_contact_on,
       x.last_contact_on, x.end_measured_on, x.start_measured_on,
       x.gender, x.end_reason, x.end_occupation, x.start_occupation, x.person_id, x.enrolment_id, x.transferred_from,
       x.start_incomes, x.end_incomes, x.id
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
               e.id
          FROM enrolment e
          JOIN young_person y ON y.id = e.person_id
          JOIN programme pr ON pr.id = e.programme_id
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS contacts, min(j.occurred_on) AS first_contact_on,
                     max(j.occurred_on) AS last_contact_on
                FROM journey_event j
               WHERE j.person_id = e.person_id AND j.kind = 'KONTAKT' AND j.organisation_id = pr.organisation_id
                 AND j.occurred_on >= e.started_on AND (e.ended_on IS NULL OR j.occurred_on <= e.ended_on)) k
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
               p.id
          FROM participant p
          LEFT JOIN registration s ON s.participant_id = p.id AND s.kind = 'START'
          LEFT JOIN registration r ON r.participant_id = p.id AND r.kind = 'SLUT'
         WHERE p.enrolment_id IS NULL) x;

-- As in V29: the rows are locked first, so that a write waiting for another transaction's refresh of the same unit
-- computes from what that transaction committed, not from what was there before.
CREATE OR REPLACE FUNCTION follow_up_unit_refresh(ids uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM follow_up_unit WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
    DELETE FROM follow_up_unit u
     WHERE u.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM follow_up_unit_source v WHERE v.id = u.id);
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
        end_incomes = EXCLUDED.end_incomes;
END
$$;

-- a contact recorded, changed or removed: the person's enrolments (only KONTAKT counts; the journey is written by
-- every part of Lots, so the other kinds pass with one scan of the written rows)
CREATE FUNCTION follow_up_unit_of_contacts() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed WHERE kind = 'KONTAKT') THEN
        PERFORM follow_up_unit_refresh(ARRAY(
            SELECT e.id FROM enrolment e WHERE e.person_id IN (SELECT person_id FROM changed WHERE kind = 'KONTAKT')));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_contact_inserted AFTER INSERT ON journey_event
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_contacts();
CREATE TRIGGER follow_up_unit_contact_updated AFTER UPDATE ON journey_event
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_contacts();
CREATE TRIGGER follow_up_unit_contact_updated_to AFTER UPDATE ON journey_event
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_contacts();
CREATE TRIGGER follow_up_unit_contact_deleted AFTER DELETE ON journey_event
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_contacts();

INSERT INTO follow_up_unit SELECT * FROM follow_up_unit_source;
