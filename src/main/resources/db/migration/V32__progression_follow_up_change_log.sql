-- Module 5: what every transaction changed in the follow-up units, so that the goals page can keep what it measured
-- and bring it up to date from the few units changed since, instead of reading every unit again (GoalMeasureCache).
-- A measure is kept with the snapshot it was read under (pg_current_snapshot()). A later view finds the units changed
-- by transactions that snapshot did not see, and adds what they count now less what they counted then:
--
--   * follow_up_unit_before: per unit and writing transaction, the unit as it was before the write (null when the
--     write made it). The refresh locks a unit's row before it writes (V29), so the writes of one unit are in the
--     order of seq, and the unit as a snapshot saw it is the image of the first write that snapshot did not see.
--   * follow_up_contact_change: the journey's KONTAKT rows written (+1) and removed (-1), per person, organisation
--     and day, because a period that cuts a participant's contacts counts them from the journey (FunderReports): the
--     contacts a snapshot saw in a window are those there now less the changes it did not see.
--
-- Rows are appended by statement triggers, so every writer is covered (the refresh triggers of V29/V30, psql, a second
-- instance of Lots). Each transaction appends its own rows, so two writers of the same programme never wait for each
-- other (a counter row would be locked by the first writer until it commits), and a transaction that rolls back leaves
-- none. Rows older than a day are removed (GoalMeasureCache.prune); a kept measure not viewed for twelve hours is
-- measured again from every unit. A TRUNCATE of the units is logged as programme 0: every programme is measured
-- again. (The images are of follow_up_unit's row type: a migration that rebuilds that table empties and rebuilds this
-- one with it.)
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

CREATE TABLE follow_up_contact_change (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id       uuid        NOT NULL,
    organisation_id bigint      NOT NULL,
    occurred_on     date        NOT NULL,
    delta           int         NOT NULL CHECK (delta IN (-1, 1)),
    xid             xid8        NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX follow_up_contact_change_person ON follow_up_contact_change (person_id, xid);
CREATE INDEX follow_up_contact_change_at ON follow_up_contact_change (changed_at);

CREATE FUNCTION follow_up_unit_made() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT n.programme_id, n.id, pg_current_xact_id(), NULL FROM made n ORDER BY n.id;
    RETURN NULL;
END
$$;

-- a unit that changed programme (none does today) is logged for both: in the new one its image is another
-- programme's, so it was not there before
CREATE FUNCTION follow_up_unit_rewritten() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT o.programme_id, o.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit FROM was o ORDER BY o.id;
    -- EXECUTE, so that the join is planned for this run's transition tables: a statement without parameters is
    -- planned once per session, for the tables of its first run, and the nested loop planned for a one-unit update
    -- made a bulk update of 250 000 units run for over 7 minutes
    EXECUTE 'INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
             SELECT n.programme_id, n.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit
               FROM was o JOIN made n ON n.id = o.id WHERE n.programme_id <> o.programme_id ORDER BY n.id';
    RETURN NULL;
END
$$;

CREATE FUNCTION follow_up_unit_removed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT o.programme_id, o.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit FROM was o ORDER BY o.id;
    RETURN NULL;
END
$$;

CREATE FUNCTION follow_up_unit_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image) VALUES (0, NULL, pg_current_xact_id(), NULL);
    RETURN NULL;
END
$$;

CREATE TRIGGER follow_up_unit_made AFTER INSERT ON follow_up_unit
    REFERENCING NEW TABLE AS made FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_made();
CREATE TRIGGER follow_up_unit_rewritten AFTER UPDATE ON follow_up_unit
    REFERENCING OLD TABLE AS was NEW TABLE AS made FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_rewritten();
CREATE TRIGGER follow_up_unit_removed AFTER DELETE ON follow_up_unit
    REFERENCING OLD TABLE AS was FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_removed();
CREATE TRIGGER follow_up_unit_truncated AFTER TRUNCATE ON follow_up_unit
    FOR EACH STATEMENT EXECUTE FUNCTION follow_up_unit_truncated();

CREATE FUNCTION follow_up_contacts_written() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_contact_change (person_id, organisation_id, occurred_on, delta, xid)
    SELECT c.person_id, c.organisation_id, c.occurred_on, TG_ARGV[0]::int, pg_current_xact_id()
      FROM changed c WHERE c.kind = 'KONTAKT';
    RETURN NULL;
END
$$;
CREATE TRIGGER follow_up_contacts_inserted AFTER INSERT ON journey_event
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_contacts_written('1');
CREATE TRIGGER follow_up_contacts_updated_from AFTER UPDATE ON journey_event
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_contacts_written('-1');
CREATE TRIGGER follow_up_contacts_updated_to AFTER UPDATE ON journey_event
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_contacts_written('1');
CREATE TRIGGER follow_up_contacts_deleted AFTER DELETE ON journey_event
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION follow_up_contacts_written('-1');

-- The refresh of V30, with two changes. The units gone from the source are found from the source rows of the given
-- ids: V29/V30's NOT EXISTS against the view was planned as an anti join with the whole view, every unit of every
-- programme computed (14 s per write at 250 000 units, found when the benchmark recorded contacts through Lots).
-- The given ids less the source's ids is a set difference (hashed or sorted), not a list searched once per unit:
-- "<> ALL (ARRAY(…))" was quadratic for a bulk write (250 000 registrations in one statement ran over 7 minutes).
-- And it leaves a unit alone when nothing it holds has changed (a note edited on the enrolment,
-- say): no write, so nothing logged and the goals page keeps its measure. A contact written rewrites the person's
-- units even so (rewrite): a contact moved between the first and the last leaves the unit as it was, but not the
-- count of a period that cuts them, so the unit must be among the changed.
DROP FUNCTION follow_up_unit_refresh(uuid[]);
CREATE FUNCTION follow_up_unit_refresh(ids uuid[], rewrite boolean DEFAULT false) RETURNS void
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
        end_incomes = EXCLUDED.end_incomes
    WHERE rewrite OR (follow_up_unit.*) IS DISTINCT FROM (EXCLUDED.*);
END
$$;

CREATE OR REPLACE FUNCTION follow_up_unit_of_contacts() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed WHERE kind = 'KONTAKT') THEN
        PERFORM follow_up_unit_refresh(ARRAY(
            SELECT e.id FROM enrolment e WHERE e.person_id IN (SELECT person_id FROM changed WHERE kind = 'KONTAKT')),
            true);
    END IF;
    RETURN NULL;
END
$$;
