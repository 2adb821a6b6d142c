-- The progression module's database functions, one current definition each (issue 21). Versioned migrations created
-- them (V29, V30, V32, V33, V46) and keep their triggers; this file is where they are read and changed. Flyway runs it
-- again whenever it changes, after every versioned migration. A signature cannot change here (CREATE OR REPLACE keeps
-- it): a new signature needs a versioned migration that drops the old function.
--
-- What they keep: follow_up_unit, one row per unit the funder's report and the programme goals count (an identified
-- enrolment less those followed up anonymously, or an anonymous participation), computed by the view
-- follow_up_unit_source in the same transaction as every write that changes a unit: progression's own writes through
-- the triggers below, plan's and the registry's through the events they publish, which FollowUpUnitEvents handles in
-- the writing transaction (ADR 0003); and the change logs the goals page's kept measures are brought up to date from
-- (follow_up_unit_before, follow_up_contact_change; GoalMeasureCache). docs/progression.md and docs/benchmarks.md
-- say why. Other modules' data is read only through their published read views (plan_enrolment, plan_programme,
-- plan_person_step, plan_journey_event, registry_person).

-- The months from a start to the first plan step, as the goal "a plan within N months" counts them (V30): the least
-- N >= 0 such that started + N months (as PostgreSQL and java.time count months: the day clamped to the month's end)
-- is on or after planned; null without a plan. N is the months from started's month to planned's month, plus one
-- when the day in that month comes before planned.
CREATE OR REPLACE FUNCTION follow_up_plan_months(started date, planned date) RETURNS int
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN planned IS NULL THEN NULL WHEN planned <= started THEN 0
                ELSE m + ((started + make_interval(months => m))::date < planned)::int END
      FROM (SELECT ((extract(year FROM planned) - extract(year FROM started)) * 12
                    + extract(month FROM planned) - extract(month FROM started))::int AS m) x
$$;

-- Recomputes the given units from follow_up_unit_source, the one place a unit is written. The rows are locked first,
-- so that a write waiting for another transaction's refresh of the same unit computes from what that transaction
-- committed (each statement of a function sees the data committed when it starts), not from what was there before.
-- The units gone from the source are found from the source rows of the given ids, as a set difference: a NOT EXISTS
-- against the view was planned as an anti join with every unit of every programme (14 s per write at 250 000 units),
-- and "<> ALL (ARRAY(…))" was quadratic for a bulk write. A unit whose values have not changed is left alone (no
-- write, nothing logged, the goals page keeps its measure) unless rewrite: a contact moved between the first and the
-- last leaves the unit as it was, but not the count of a period that cuts them, so the unit must be among the changed.
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

-- The triggers below, on progression's own tables, say which units a written row belongs to. They are
-- statement-level with the written rows as a table, so that a set-based write refreshes its units in one statement.
-- Writes to other modules' tables reach the units through their events (FollowUpUnitEvents, V46, ADR 0003).

-- A participation written: the enrolment's unit, or the anonymous participation's own.
CREATE OR REPLACE FUNCTION follow_up_unit_of_participants() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT coalesce(enrolment_id, id) FROM changed));
    RETURN NULL;
END
$$;

-- An enrolment followed up anonymously from now on: its unit leaves the cohort (the anonymous participation counts).
CREATE OR REPLACE FUNCTION follow_up_unit_of_anonymous_enrolments() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(SELECT enrolment_id FROM changed));
    RETURN NULL;
END
$$;

-- A START or SLUT registration written: the unit of its participation.
CREATE OR REPLACE FUNCTION follow_up_unit_of_registrations() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(
        SELECT coalesce(p.enrolment_id, p.id) FROM participant p WHERE p.id IN (SELECT participant_id FROM changed)));
    RETURN NULL;
END
$$;

-- A registration's sources of income written or removed: the unit of its participation.
CREATE OR REPLACE FUNCTION follow_up_unit_of_incomes() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM follow_up_unit_refresh(ARRAY(
        SELECT coalesce(p.enrolment_id, p.id) FROM registration r JOIN participant p ON p.id = r.participant_id
         WHERE r.id IN (SELECT registration_id FROM changed)));
    RETURN NULL;
END
$$;

-- The change log of the units (V32), so that a kept goal measure is brought up to date from the units changed since
-- its snapshot: per unit and writing transaction, the unit as it was before the write. The refresh locks a unit's row
-- before it writes, so the writes of one unit are in the order of seq, and the unit as a snapshot saw it is the image
-- of the first write that snapshot did not see. Each transaction appends its own rows, so two writers of the same
-- programme never wait for each other.

-- Units made: logged with no image (the unit was not there before).
CREATE OR REPLACE FUNCTION follow_up_unit_made() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT n.programme_id, n.id, pg_current_xact_id(), NULL FROM made n ORDER BY n.id;
    RETURN NULL;
END
$$;

-- Units rewritten: logged with their image before. A unit that changed programme (none does today) is logged for
-- both: in the new one its image is another programme's, so it was not there before. The second statement is run by
-- EXECUTE, so that the join is planned for this run's transition tables: a statement without parameters is planned
-- once per session, for the tables of its first run, and the nested loop planned for a one-unit update made a bulk
-- update of 250 000 units run for over 7 minutes.
CREATE OR REPLACE FUNCTION follow_up_unit_rewritten() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT o.programme_id, o.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit FROM was o ORDER BY o.id;
    EXECUTE 'INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
             SELECT n.programme_id, n.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit
               FROM was o JOIN made n ON n.id = o.id WHERE n.programme_id <> o.programme_id ORDER BY n.id';
    RETURN NULL;
END
$$;

-- Units removed: logged with their image before.
CREATE OR REPLACE FUNCTION follow_up_unit_removed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image)
    SELECT o.programme_id, o.id, pg_current_xact_id(), ROW(o.*)::follow_up_unit FROM was o ORDER BY o.id;
    RETURN NULL;
END
$$;

-- The units truncated: logged as programme 0, so that every programme's kept measure is measured again.
CREATE OR REPLACE FUNCTION follow_up_unit_truncated() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_unit_before (programme_id, unit_id, xid, image) VALUES (0, NULL, pg_current_xact_id(), NULL);
    RETURN NULL;
END
$$;

-- The reading side (issue 21): what the funder's report, the programme goals and Uppföljning Finsam count, as
-- functions their statements select from (FunderReports), so that each statement is complete and readable and the
-- period's rules are written once.

-- The cohort of a programme in a period, the one definition the report's, the goals' and Finsam's statements share:
-- every unit started by the period's end, with whether it was registered (started in the period), discharged (its
-- discharge date in the period) and active (enrolled at some time in it), its days in the period, and its
-- registrations, plan and contacts only as far as they were recorded by the period's end, so that a closed period
-- gives the same numbers later. programme NULL: every programme. A SQL function of one SELECT is inlined into the
-- statement that calls it, so the planner sees follow_up_unit itself (its indexes, parallel scans) and computes only
-- the columns the statement reads. PARALLEL SAFE (it only reads): undeclared, a statement reading it is planned
-- without parallel workers, and the goal measures took twice as long.
CREATE OR REPLACE FUNCTION follow_up_cohort(programme bigint, period_from date, period_to date)
    RETURNS TABLE (id uuid, programme_id bigint, enrolment_id uuid, person_id uuid, gender text, age int,
                   age_band int, started_on date, ended_on date, end_reason text, transferred_from uuid,
                   registered boolean, discharged boolean, active boolean, days_in_period int,
                   start_occupation text, start_incomes text[], end_occupation text, end_incomes text[],
                   plan_months int, contacts int, contacts_in_period boolean, group_activities int,
                   groups_in_period boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT u.id, u.programme_id, u.enrolment_id, u.person_id, u.gender, u.age,
           CASE WHEN u.age BETWEEN 16 AND 19 THEN 0 WHEN u.age BETWEEN 20 AND 24 THEN 1
                WHEN u.age BETWEEN 25 AND 29 THEN 2 ELSE 3 END,
           u.started_on, u.ended_on, u.end_reason, u.transferred_from,
           u.started_on >= period_from,
           u.discharged_on BETWEEN period_from AND period_to,
           u.ended_on IS NULL OR u.ended_on >= period_from,
           LEAST(coalesce(u.ended_on, period_to), period_to) - GREATEST(u.started_on, period_from) + 1,
           CASE WHEN u.start_measured_on <= period_to THEN u.start_occupation END,
           CASE WHEN u.start_measured_on <= period_to THEN u.start_incomes END,
           CASE WHEN u.end_measured_on <= period_to THEN u.end_occupation END,
           CASE WHEN u.end_measured_on <= period_to THEN u.end_incomes END,
           CASE WHEN u.first_plan_on <= period_to THEN u.plan_months END,
           u.contacts, u.first_contact_on >= period_from AND u.last_contact_on <= period_to,
           u.group_activities, u.first_group_on >= period_from AND u.last_group_on <= period_to
      FROM follow_up_unit u
     WHERE (programme IS NULL OR u.programme_id = programme) AND u.started_on <= period_to
$$;

-- Whether the transaction that wrote a log row (its xid) was unseen by snapshot kept: a kept goal measure is brought
-- up to date from exactly those rows (GoalMeasureCache). Inlined where it is called.
CREATE OR REPLACE FUNCTION follow_up_unseen(xid xid8, kept text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT xid >= pg_snapshot_xmin(CAST(kept AS pg_snapshot))
           AND NOT pg_visible_in_snapshot(xid, CAST(kept AS pg_snapshot))
$$;

-- follow_up_cohort over the changed units as snapshot kept saw them, for the goals page's kept measures
-- (GoalMeasureCache): the image before the first write kept did not see (none when that write made the unit; tested
-- by its id, as a row with a null field is not IS NOT NULL). The same columns by the same rules as follow_up_cohort,
-- written twice because one function over both sources measured a fifth slower for the whole cohort; keep the two
-- alike (ProgressionGoalCacheIntegrationTest.theCohortAsASnapshotSawItIsTheCohortReadThen fails when they differ).
CREATE OR REPLACE FUNCTION follow_up_cohort_as_seen(programme bigint, period_from date, period_to date,
                                                    changed uuid[], kept text)
    RETURNS TABLE (id uuid, programme_id bigint, enrolment_id uuid, person_id uuid, gender text, age int,
                   age_band int, started_on date, ended_on date, end_reason text, transferred_from uuid,
                   registered boolean, discharged boolean, active boolean, days_in_period int,
                   start_occupation text, start_incomes text[], end_occupation text, end_incomes text[],
                   plan_months int, contacts int, contacts_in_period boolean, group_activities int,
                   groups_in_period boolean)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT u.id, u.programme_id, u.enrolment_id, u.person_id, u.gender, u.age,
           CASE WHEN u.age BETWEEN 16 AND 19 THEN 0 WHEN u.age BETWEEN 20 AND 24 THEN 1
                WHEN u.age BETWEEN 25 AND 29 THEN 2 ELSE 3 END,
           u.started_on, u.ended_on, u.end_reason, u.transferred_from,
           u.started_on >= period_from,
           u.discharged_on BETWEEN period_from AND period_to,
           u.ended_on IS NULL OR u.ended_on >= period_from,
           LEAST(coalesce(u.ended_on, period_to), period_to) - GREATEST(u.started_on, period_from) + 1,
           CASE WHEN u.start_measured_on <= period_to THEN u.start_occupation END,
           CASE WHEN u.start_measured_on <= period_to THEN u.start_incomes END,
           CASE WHEN u.end_measured_on <= period_to THEN u.end_occupation END,
           CASE WHEN u.end_measured_on <= period_to THEN u.end_incomes END,
           CASE WHEN u.first_plan_on <= period_to THEN u.plan_months END,
           u.contacts, u.first_contact_on >= period_from AND u.last_contact_on <= period_to,
           u.group_activities, u.first_group_on >= period_from AND u.last_group_on <= period_to
      FROM (SELECT (b.image).*
              FROM (SELECT DISTINCT ON (f.unit_id) f.image FROM follow_up_unit_before f
                     WHERE f.programme_id = programme AND f.unit_id = ANY (changed) AND follow_up_unseen(f.xid, kept)
                     ORDER BY f.unit_id, f.seq) b
             WHERE (b.image).id IS NOT NULL) u
     WHERE u.programme_id = programme AND u.started_on <= period_to
$$;
