-- The worklist's figures per open episode, kept on the episode so that the coordinator's page reads one row per
-- young person instead of aggregating their whole status history and contact log on every page view
-- (docs/benchmarks.md). kaa_status and contact_attempt stay the truth; these columns are derived from them by the
-- triggers below, in the same transaction as every write, by whatever code writes (import, contact log, letters,
-- home visits), so they cannot disagree with the history.
-- sort_name and twentieth_birthday are the worklist's sort and filter keys from the registry, so that a page of a
-- big register is found in kaa_episode alone and only the 50 rows shown are joined to young_person. Birth dates
-- never change in Lots; a name change reaches sort_name through the registry's PersonDetailsSaved event.
ALTER TABLE kaa_episode
    ADD COLUMN sort_name               text,
    ADD COLUMN twentieth_birthday      date,
    ADD COLUMN current_status          text,
    ADD COLUMN current_ascertained_on  date,
    ADD COLUMN current_review_on       date,
    ADD COLUMN attempts                int NOT NULL DEFAULT 0,
    ADD COLUMN reached                 boolean NOT NULL DEFAULT false,
    ADD COLUMN last_attempt_on         date;

-- A new episode starts from what the register already knows of the person (someone who comes back brings their
-- earlier statuses and attempts).
CREATE FUNCTION kaa_episode_summary_from_history() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    SELECT y.last_name || E'\t' || y.first_name,
           coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31))
      INTO NEW.sort_name, NEW.twentieth_birthday
      FROM young_person y WHERE y.id = NEW.person_id;
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
CREATE TRIGGER kaa_episode_summary BEFORE INSERT ON kaa_episode
    FOR EACH ROW EXECUTE FUNCTION kaa_episode_summary_from_history();

-- A new status is the current one unless one ascertained later is already known (the history is ordered by the
-- date ascertained, then by when it was recorded: the new row is always the last recorded).
CREATE FUNCTION kaa_status_to_episode() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kaa_episode
       SET current_status = NEW.status, current_ascertained_on = NEW.ascertained_on,
           current_review_on = NEW.review_on
     WHERE organisation_id = NEW.organisation_id AND person_id = NEW.person_id AND exited_on IS NULL
       AND (current_ascertained_on IS NULL OR current_ascertained_on <= NEW.ascertained_on);
    RETURN NULL;
END
$$;
CREATE TRIGGER kaa_status_inserted AFTER INSERT ON kaa_status
    FOR EACH ROW EXECUTE FUNCTION kaa_status_to_episode();

CREATE FUNCTION contact_attempt_to_episode() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kaa_episode
       SET attempts = attempts + 1, reached = reached OR NEW.outcome = 'NADD',
           last_attempt_on = greatest(last_attempt_on, NEW.contacted_on)
     WHERE organisation_id = NEW.organisation_id AND person_id = NEW.person_id AND exited_on IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER contact_attempt_inserted AFTER INSERT ON contact_attempt
    FOR EACH ROW EXECUTE FUNCTION contact_attempt_to_episode();

-- A trigger function keeps its statements' plans for the life of the connection. Planned while the tables were
-- small (a new register, a pooled connection), a plan would scan the whole table for every row of a big import:
-- quadratic, 50 s for 30 000 statuses. These statements always have a usable index; never scan instead.
ALTER FUNCTION kaa_episode_summary_from_history() SET enable_seqscan = off;
ALTER FUNCTION kaa_status_to_episode() SET enable_seqscan = off;
ALTER FUNCTION contact_attempt_to_episode() SET enable_seqscan = off;

-- History is not edited in normal work; when it is (a correction, an erasure), the open episode is recomputed.
CREATE FUNCTION kaa_episode_recompute(org bigint, person uuid) RETURNS void
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
CREATE FUNCTION kaa_history_changed() RETURNS trigger
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
CREATE TRIGGER kaa_status_changed AFTER UPDATE OR DELETE ON kaa_status
    FOR EACH ROW EXECUTE FUNCTION kaa_history_changed();
CREATE TRIGGER contact_attempt_changed AFTER UPDATE OR DELETE ON contact_attempt
    FOR EACH ROW EXECUTE FUNCTION kaa_history_changed();

-- the episodes that exist already
SELECT kaa_episode_recompute(organisation_id, person_id) FROM kaa_episode WHERE exited_on IS NULL;
UPDATE kaa_episode e
   SET sort_name = y.last_name || E'\t' || y.first_name,
       twentieth_birthday = coalesce((y.birth_date + interval '20 years')::date, make_date(y.birth_year + 20, 12, 31))
  FROM young_person y WHERE y.id = e.person_id;

-- a page in name order is a walk of this index until 50 rows pass the filter
CREATE INDEX kaa_episode_open_by_name ON kaa_episode (organisation_id, sort_name, id) WHERE exited_on IS NULL;
