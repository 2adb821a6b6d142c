-- The worklist's figures on the episode (V13) kept by statement instead of by row. A national list of 100 000 rows
-- inserts 100 000 statuses and episodes in a few statements; a row trigger ran its queries once per row (the KAA
-- import's statuses and episodes took 0.2 ms a row, most of the import's time: docs/benchmarks.md). The figures are
-- the same: kaa_status and contact_attempt stay the truth.

-- A status inserted is the current one unless one ascertained later is already known; of several for the same
-- person in one statement, the latest ascertained wins, then the last recorded (as the row trigger did, row by row).
DROP TRIGGER kaa_status_inserted ON kaa_status;
DROP FUNCTION kaa_status_to_episode();
CREATE FUNCTION kaa_statuses_to_episodes() RETURNS trigger
    LANGUAGE plpgsql AS $$
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
CREATE TRIGGER kaa_status_inserted AFTER INSERT ON kaa_status REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION kaa_statuses_to_episodes();
ALTER FUNCTION kaa_statuses_to_episodes() SET enable_seqscan = off;

-- Contact attempts in one statement (a letter batch, a home-visit day) count together.
DROP TRIGGER contact_attempt_inserted ON contact_attempt;
DROP FUNCTION contact_attempt_to_episode();
CREATE FUNCTION contact_attempts_to_episodes() RETURNS trigger
    LANGUAGE plpgsql AS $$
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
CREATE TRIGGER contact_attempt_inserted AFTER INSERT ON contact_attempt REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION contact_attempts_to_episodes();
ALTER FUNCTION contact_attempts_to_episodes() SET enable_seqscan = off;

-- A new episode's figures: Lots' own writer (KaaEpisodes.insertAll) computes them in its INSERT … SELECT, for all
-- rows of the statement at once, from the same tables; the row trigger fills them in for any other writer (SQL by
-- hand, a data generator), as before. sort_name is null when the writer gave no figures, or when the person has
-- no name (an anonymous record), where the trigger finds the same.
DROP TRIGGER kaa_episode_summary ON kaa_episode;
CREATE TRIGGER kaa_episode_summary BEFORE INSERT ON kaa_episode
    FOR EACH ROW WHEN (NEW.sort_name IS NULL) EXECUTE FUNCTION kaa_episode_summary_from_history();
