-- The KAA module's database functions, one current definition each (issue 21). Versioned migrations created them
-- (V13, V35) and keep their triggers; this file is where they are read and changed. Flyway runs it again whenever it
-- changes, after every versioned migration.
--
-- The worklist's figures per open episode are kept on kaa_episode by these functions, in the same transaction as
-- every write, by whatever code writes (import, contact log, letters, home visits), so that the coordinator's page
-- reads one row per young person instead of aggregating the whole status history and contact log on every view
-- (docs/benchmarks.md). kaa_status and contact_attempt stay the truth.
--
-- enable_seqscan = off: a trigger function keeps its statements' plans for the life of the connection. Planned while
-- the tables were small (a new register, a pooled connection), a plan would scan the whole table for every row of a
-- big import: quadratic, 50 s for 30 000 statuses. These statements always have a usable index; never scan instead.
-- CREATE OR REPLACE resets a function's settings, so the setting is part of each definition below.

-- A new episode starts from what the register already knows of the person (someone who comes back brings their
-- earlier statuses and attempts). Lots' own writer (KaaEpisodes.insertAll) computes the figures in its
-- INSERT … SELECT; this row trigger (kaa_episode_summary, WHEN sort_name IS NULL) fills them in for any other writer.
-- The name and birth date are read through the registry's published view, never its table.
CREATE OR REPLACE FUNCTION kaa_episode_summary_from_history() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    SELECT y.last_name || E'\t' || y.first_name,
           coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31))
      INTO NEW.sort_name, NEW.twentieth_birthday
      FROM registry_person y WHERE y.id = NEW.person_id;
    SELECT st.status, st.ascertained_on, st.review_on
      INTO NEW.current_status, NEW.current_ascertained_on, NEW.current_review_on
      FROM kaa_status st
     WHERE st.organisation_id = NEW.organisation_id AND st.person_id = NEW.person_id
     ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1;
    SELECT count(*), coalesce(bool_or(ca.outcome = 'NADD'), false), max(ca.contacted_on)
      INTO NEW.attempts, NEW.reached, NEW.last_attempt_on
      FROM contact_attempt ca
     WHERE ca.organisation_id = NEW.organisation_id AND ca.person_id = NEW.person_id;
    RETURN NEW;
END
$$;

-- Statuses inserted (trigger kaa_status_inserted, per statement): a status is the current one unless one ascertained
-- later is already known; of several for the same person in one statement, the latest ascertained wins, then the
-- last recorded. Per statement, not per row: a national list of 100 000 rows inserts its statuses in a few
-- statements (V35).
CREATE OR REPLACE FUNCTION kaa_statuses_to_episodes() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    UPDATE kaa_episode e
       SET current_status = n.status, current_ascertained_on = n.ascertained_on, current_review_on = n.review_on
      FROM (SELECT DISTINCT ON (organisation_id, person_id) organisation_id, person_id, status, ascertained_on,
                   review_on
              FROM inserted
             ORDER BY organisation_id, person_id, ascertained_on DESC, recorded_at DESC) n
     WHERE e.organisation_id = n.organisation_id AND e.person_id = n.person_id AND e.exited_on IS NULL
       AND (e.current_ascertained_on IS NULL OR e.current_ascertained_on <= n.ascertained_on);
    RETURN NULL;
END
$$;

-- Contact attempts inserted (trigger contact_attempt_inserted, per statement): attempts in one statement (a letter
-- batch, a home-visit day) count together.
CREATE OR REPLACE FUNCTION contact_attempts_to_episodes() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    UPDATE kaa_episode e
       SET attempts = e.attempts + n.attempts, reached = e.reached OR n.reached,
           last_attempt_on = greatest(e.last_attempt_on, n.last_attempt_on)
      FROM (SELECT organisation_id, person_id, count(*)::int AS attempts, bool_or(outcome = 'NADD') AS reached,
                   max(contacted_on) AS last_attempt_on
              FROM inserted GROUP BY organisation_id, person_id) n
     WHERE e.organisation_id = n.organisation_id AND e.person_id = n.person_id AND e.exited_on IS NULL;
    RETURN NULL;
END
$$;

-- History is not edited in normal work; when it is (a correction, an erasure), the open episode is recomputed.
CREATE OR REPLACE FUNCTION kaa_episode_recompute(org bigint, person uuid) RETURNS void
    LANGUAGE sql AS $$
    UPDATE kaa_episode e
       SET current_status = s.status, current_ascertained_on = s.ascertained_on, current_review_on = s.review_on,
           attempts = a.attempts, reached = a.reached, last_attempt_on = a.last_attempt
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT st.status, st.ascertained_on, st.review_on FROM kaa_status st
                          WHERE st.organisation_id = org AND st.person_id = person
                          ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
      CROSS JOIN LATERAL (SELECT count(*)::int AS attempts, coalesce(bool_or(ca.outcome = 'NADD'), false) AS reached,
                                 max(ca.contacted_on) AS last_attempt
                            FROM contact_attempt ca WHERE ca.organisation_id = org AND ca.person_id = person) a
     WHERE e.organisation_id = org AND e.person_id = person AND e.exited_on IS NULL
$$;

-- A status or contact attempt updated (row triggers kaa_status_changed, contact_attempt_changed; deleted rows went
-- through them too until V67): the open episodes of the old and, when it moved, the new person are recomputed from
-- the history.
CREATE OR REPLACE FUNCTION kaa_history_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        PERFORM kaa_episode_recompute(OLD.organisation_id, OLD.person_id);
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.organisation_id, NEW.person_id) IS DISTINCT FROM (OLD.organisation_id, OLD.person_id)
    THEN
        PERFORM kaa_episode_recompute(NEW.organisation_id, NEW.person_id);
    END IF;
    RETURN NULL;
END
$$;

-- Statuses or contact attempts deleted (statement triggers kaa_status_removed, contact_attempt_removed, V67): each
-- open episode of the deleted rows' persons is recomputed once per statement, not once per row; a retention run's
-- persons have no open episode, so its deletes recompute nothing. EXECUTE: planned for each statement's rows.
CREATE OR REPLACE FUNCTION kaa_history_removed() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    EXECUTE 'SELECT kaa_episode_recompute(e.organisation_id, e.person_id)
               FROM kaa_episode e
              WHERE e.exited_on IS NULL
                AND (e.organisation_id, e.person_id) IN (SELECT organisation_id, person_id FROM removed)';
    RETURN NULL;
END
$$;
