-- What the funder's report and the programme goals count, one row per counted unit: an identified enrolment (less
-- those followed up anonymously) or an anonymous participant. The report used to join enrolments, young persons,
-- participants, both registrations, their sources of income and the plan steps on every view; now it reads one row
-- per participant (docs/benchmarks.md). The tables below stay the truth: follow_up_unit_source computes the rows from
-- them, and the triggers at the end refresh a unit in the same transaction as every write that changes it, by
-- whatever code writes (plan, progression, registry), so the two cannot disagree
-- (ProgressionFunderReportIntegrationTest compares them after every kind of write, and with two writers at once).
CREATE TABLE follow_up_unit (
    id                 uuid PRIMARY KEY,           -- the enrolment's id, or the anonymous participant's
    programme_id       bigint NOT NULL REFERENCES programme (id),
    enrolment_id       uuid,                       -- null for an anonymous participant
    person_id          uuid,
    participant_id     uuid,                       -- null until the first registration made the participant row
    gender             text NOT NULL,
    birth_year         int NOT NULL,
    started_on         date NOT NULL,
    ended_on           date,
    end_reason         text,
    transferred_from   uuid,
    start_occupation   text,
    start_measured_on  date,
    start_incomes      text[],
    end_occupation     text,
    end_measured_on    date,
    end_incomes        text[],
    first_plan_step_at timestamptz                 -- when the first step of the person's plan was written
);
CREATE INDEX follow_up_unit_programme ON follow_up_unit (programme_id, started_on);

CREATE VIEW follow_up_unit_source AS
SELECT e.id, e.programme_id, e.id AS enrolment_id, e.person_id, p.id AS participant_id,
       coalesce(p.gender, y.gender) AS gender, coalesce(p.birth_year, y.birth_year) AS birth_year,
       e.started_on, e.ended_on, e.end_reason, e.transferred_from,
       s.occupation AS start_occupation, s.measured_on AS start_measured_on,
       (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
         WHERE i.registration_id = s.id) AS start_incomes,
       r.occupation AS end_occupation, r.measured_on AS end_measured_on,
       (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
         WHERE i.registration_id = r.id) AS end_incomes,
       (SELECT min(ps.created_at) FROM plan pl JOIN plan_step ps ON ps.plan_id = pl.id
         WHERE pl.person_id = e.person_id) AS first_plan_step_at
  FROM enrolment e
  JOIN young_person y ON y.id = e.person_id
  LEFT JOIN participant p ON p.enrolment_id = e.id
  LEFT JOIN registration s ON s.participant_id = p.id AND s.kind = 'START'
  LEFT JOIN registration r ON r.participant_id = p.id AND r.kind = 'SLUT'
 WHERE NOT EXISTS (SELECT 1 FROM anonymous_enrolment a WHERE a.enrolment_id = e.id)
UNION ALL
SELECT p.id, p.programme_id, NULL, NULL, p.id, p.gender, p.birth_year, p.started_on, p.ended_on, NULL, NULL,
       s.occupation, s.measured_on,
       (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
         WHERE i.registration_id = s.id),
       r.occupation, r.measured_on,
       (SELECT array_agg(i.income_source ORDER BY i.income_source) FROM registration_income i
         WHERE i.registration_id = r.id),
       NULL
  FROM participant p
  LEFT JOIN registration s ON s.participant_id = p.id AND s.kind = 'START'
  LEFT JOIN registration r ON r.participant_id = p.id AND r.kind = 'SLUT'
 WHERE p.enrolment_id IS NULL;

-- Recomputes the given units from the tables. The rows are locked first, so that a write waiting for another
-- transaction's refresh of the same unit computes from what that transaction committed (each statement of a
-- function sees the data committed when it starts), not from what was there before.
CREATE FUNCTION follow_up_unit_refresh(ids uuid[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM follow_up_unit WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
    DELETE FROM follow_up_unit u
     WHERE u.id = ANY (ids) AND NOT EXISTS (SELECT 1 FROM follow_up_unit_source v WHERE v.id = u.id);
    INSERT INTO follow_up_unit
    SELECT v.* FROM follow_up_unit_source v WHERE v.id = ANY (ids)
    ON CONFLICT (id) DO UPDATE SET
        programme_id = EXCLUDED.programme_id, enrolment_id = EXCLUDED.enrolment_id, person_id = EXCLUDED.person_id,
        participant_id = EXCLUDED.participant_id, gender = EXCLUDED.gender, birth_year = EXCLUDED.birth_year,
        started_on = EXCLUDED.started_on, ended_on = EXCLUDED.ended_on, end_reason = EXCLUDED.end_reason,
        transferred_from = EXCLUDED.transferred_from, start_occupation = EXCLUDED.start_occupation,
        start_measured_on = EXCLUDED.start_measured_on, start_incomes = EXCLUDED.start_incomes,
        end_occupation = EXCLUDED.end_occupation, end_measured_on = EXCLUDED.end_measured_on,
        end_incomes = EXCLUDED.end_incomes, first_plan_step_at = EXCLUDED.first_plan_step_at;
END
$$;

-- The triggers: which units a written row belongs to. Statement-level with the written rows as a table, so that a
-- set-based write (an import, the benchmark's generator) refreshes its units in one statement, not row by row.
CREATE FUNCTION follow_up_unit_of_enrolments() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_enrolment_inserted AFTER INSERT ON enrolment
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_enrolments();
CREATE TRIGGER follow_up_unit_enrolment_updated AFTER UPDATE ON enrolment
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_enrolments();

CREATE FUNCTION follow_up_unit_of_participants() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT coalesce(enrolment_id, id) FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_participant_inserted AFTER INSERT ON participant
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_participants();
CREATE TRIGGER follow_up_unit_participant_updated AFTER UPDATE ON participant
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_participants();

CREATE FUNCTION follow_up_unit_of_anonymous_enrolments() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT enrolment_id FROM changed));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_anonymous_enrolment_inserted AFTER INSERT ON anonymous_enrolment
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_anonymous_enrolments();

CREATE FUNCTION follow_up_unit_of_registrations() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(
        SELECT coalesce(p.enrolment_id, p.id) FROM participant p WHERE p.id IN (SELECT participant_id FROM changed)));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_registration_inserted AFTER INSERT ON registration
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_registrations();
CREATE TRIGGER follow_up_unit_registration_updated AFTER UPDATE ON registration
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_registrations();

CREATE FUNCTION follow_up_unit_of_incomes() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(
        SELECT coalesce(p.enrolment_id, p.id) FROM registration r JOIN participant p ON p.id = r.participant_id
         WHERE r.id IN (SELECT registration_id FROM changed)));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_income_inserted AFTER INSERT ON registration_income
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_incomes();
CREATE TRIGGER follow_up_unit_income_deleted AFTER DELETE ON registration_income
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_incomes();

-- a plan step counts from when it was written: the person's enrolments get the plan's first step
CREATE FUNCTION follow_up_unit_of_plan_steps() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(
        SELECT e.id FROM plan pl JOIN enrolment e ON e.person_id = pl.person_id
         WHERE pl.id IN (SELECT plan_id FROM changed)));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_plan_step_inserted AFTER INSERT ON plan_step
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_of_plan_steps();

-- a corrected gender or birth year in the registry (row by row: the registry is written all the time, these two
-- columns seldom, and the WHEN clause keeps every other update free of the refresh)
CREATE FUNCTION follow_up_unit_of_person() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT e.id FROM enrolment e WHERE e.person_id = NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_unit_person_updated AFTER UPDATE OF gender, birth_year ON young_person
    FOR EACH ROW WHEN (OLD.gender IS DISTINCT FROM NEW.gender OR OLD.birth_year IS DISTINCT FROM NEW.birth_year)
    EXECUTE FUNCTION follow_up_unit_of_person();

INSERT INTO follow_up_unit SELECT * FROM follow_up_unit_source;
