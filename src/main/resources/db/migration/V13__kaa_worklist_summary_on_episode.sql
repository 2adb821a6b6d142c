-- The worklist's figures per open episode, kept on the episode so that the coordinator's page reads one row per
-- young person instead of aggregating their whole status history and contact log on every page view
-- (docs/benchmarks.md: 250 ms → under 50 ms at 5 000 open episodes). kaa_status and contact_attempt stay the
-- truth; these columns are derived from them by the triggers below, in the same transaction as every write, by
-- whatever code writes (import, contact log, letters, home visits), so they can never disagree with the history.
ALTER TABLE kaa_episode
    ADD COLUMN current_status          text,
    ADD COLUMN current_review_on       date,
    ADD COLUMN attempts                int NOT NULL DEFAULT 0,
    ADD COLUMN reached                 boolean NOT NULL DEFAULT false,
    ADD COLUMN last_attempt_on         date;

-- Recomputes the derived columns of the open episodes of the (organisation, person) pairs in the trigger's
-- transition table "changed": the latest status (as the person page orders them) and the contact attempts.
CREATE FUNCTION kaa_episode_refresh_summary() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- EXECUTE plans the statement anew with the transition table's real size: an index lookup per pair for a
    -- single contact attempt, a hash join for an import of 100 000 (a cached generic plan scanned the whole table)
    EXECUTE $sql$
    UPDATE kaa_episode e
       SET current_status = s.status, current_review_on = s.review_on,
           attempts = a.attempts, reached = a.reached, last_attempt_on = a.last_attempt
      FROM (SELECT DISTINCT organisation_id, person_id FROM changed) c
      LEFT JOIN LATERAL (SELECT st.status, st.review_on FROM kaa_status st
                          WHERE st.organisation_id = c.organisation_id AND st.person_id = c.person_id
                          ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
      CROSS JOIN LATERAL (SELECT count(*)::int AS attempts, coalesce(bool_or(ca.outcome = 'NADD'), false) AS reached,
                                 max(ca.contacted_on) AS last_attempt
                            FROM contact_attempt ca
                           WHERE ca.organisation_id = c.organisation_id AND ca.person_id = c.person_id) a
     WHERE e.organisation_id = c.organisation_id AND e.person_id = c.person_id AND e.exited_on IS NULL
    $sql$;
    RETURN NULL;
END
$$;

-- Statement-level, so that an import of 100 000 statuses recomputes in one UPDATE, not 100 000.
CREATE TRIGGER kaa_status_inserted AFTER INSERT ON kaa_status
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
CREATE TRIGGER kaa_status_updated AFTER UPDATE ON kaa_status
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
CREATE TRIGGER kaa_status_deleted AFTER DELETE ON kaa_status
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
CREATE TRIGGER contact_attempt_inserted AFTER INSERT ON contact_attempt
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
CREATE TRIGGER contact_attempt_updated AFTER UPDATE ON contact_attempt
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
CREATE TRIGGER contact_attempt_deleted AFTER DELETE ON contact_attempt
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();
-- a person who comes back into the register brings their earlier statuses and attempts to the new episode
CREATE TRIGGER kaa_episode_inserted AFTER INSERT ON kaa_episode
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION kaa_episode_refresh_summary();

UPDATE kaa_episode e
   SET current_status = s.status, current_review_on = s.review_on,
       attempts = a.attempts, reached = a.reached, last_attempt_on = a.last_attempt
  FROM kaa_episode x
  LEFT JOIN LATERAL (SELECT st.status, st.review_on FROM kaa_status st
                      WHERE st.organisation_id = x.organisation_id AND st.person_id = x.person_id
                      ORDER BY st.ascertained_on DESC, st.recorded_at DESC LIMIT 1) s ON true
  CROSS JOIN LATERAL (SELECT count(*)::int AS attempts, coalesce(bool_or(ca.outcome = 'NADD'), false) AS reached,
                             max(ca.contacted_on) AS last_attempt
                        FROM contact_attempt ca
                       WHERE ca.organisation_id = x.organisation_id AND ca.person_id = x.person_id) a
 WHERE e.id = x.id AND e.exited_on IS NULL;
