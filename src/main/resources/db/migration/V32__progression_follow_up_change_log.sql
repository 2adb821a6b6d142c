-- Module 5: which transactions changed a programme's follow-up units, so that the goals page can keep what it
-- measured and tell with one small read whether it still holds (GoalMeasureCache). A measure is kept with the
-- snapshot it was read under (pg_current_snapshot()); it still holds when no transaction that the snapshot did not
-- see has changed the programme's units since. Written by statement triggers on follow_up_unit, so every writer is
-- covered (the refresh triggers of V29/V30, psql, a second instance of Lots).
--
-- One row per programme and writing transaction, not a counter: each transaction inserts its own key, so two
-- writers of the same programme never wait for each other (a counter row would be locked by the first writer until
-- it commits). A transaction that rolls back leaves no row. Rows older than a day are removed
-- (GoalMeasureCache.prune); a kept measure is dropped long before that. A TRUNCATE is logged as programme 0: every
-- programme.
CREATE TABLE follow_up_change (
    programme_id bigint      NOT NULL,
    xid          xid8        NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, xid)
);
CREATE INDEX follow_up_change_at ON follow_up_change (changed_at);

CREATE FUNCTION follow_up_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_change (programme_id, xid)
    SELECT DISTINCT programme_id, pg_current_xact_id() FROM changed
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION follow_up_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_change (programme_id, xid) VALUES (0, pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER follow_up_unit_inserted AFTER INSERT ON follow_up_unit
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_changed();
-- an update logs the programme before and after (a unit does not change programme today, but the log must not care)
CREATE TRIGGER follow_up_unit_updated AFTER UPDATE ON follow_up_unit
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_changed();
CREATE TRIGGER follow_up_unit_updated_from AFTER UPDATE ON follow_up_unit
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_changed();
CREATE TRIGGER follow_up_unit_deleted AFTER DELETE ON follow_up_unit
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_changed();
CREATE TRIGGER follow_up_unit_truncated AFTER TRUNCATE ON follow_up_unit
    FOR EACH STATEMENT EXECUTE FUNCTION follow_up_truncated();

-- The refresh of V30, now leaving a unit alone when nothing it holds has changed (a note edited on the enrolment,
-- say): no write, so no change logged and the goals page keeps its measure.
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
        end_incomes = EXCLUDED.end_incomes
    WHERE (follow_up_unit.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;
