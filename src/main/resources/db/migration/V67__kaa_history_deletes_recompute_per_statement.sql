-- A delete of KAA history (kaa_status, contact_attempt) recomputes each open episode it touches once per statement,
-- not once per deleted row (issue 23 item 2). Until now the row triggers kaa_status_changed and contact_attempt_changed
-- (V13) called kaa_episode_recompute for every deleted row: a retention run that removes a person's whole history
-- paid a PL/pgSQL call and a planned UPDATE per status and per contact, although the persons it removes have no open
-- episode left to recompute. Row-level AFTER triggers fire at the end of the statement, each seeing the statement's
-- final state, so N recomputes of the same episode give what one gives: the statement trigger below recomputes each
-- distinct (organisation, person) of the deleted rows that has an open episode, once, from the same history, with the
-- same function. An update of history stays a row trigger (kaa_history_changed), as before.
-- The function's current definition is in R__kaa_functions.sql; it is created here because this migration's triggers
-- need it before the repeatable migration runs on a new database.
CREATE FUNCTION kaa_history_removed() RETURNS trigger
    LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
    -- EXECUTE: planned for each statement's rows, not once per session for the first one's size (ADR 0003)
    EXECUTE 'SELECT kaa_episode_recompute(e.organisation_id, e.person_id)
               FROM kaa_episode e
              WHERE e.exited_on IS NULL
                AND (e.organisation_id, e.person_id) IN (SELECT organisation_id, person_id FROM removed)';
    RETURN NULL;
END
$$;

DROP TRIGGER kaa_status_changed ON kaa_status;
DROP TRIGGER contact_attempt_changed ON contact_attempt;
CREATE TRIGGER kaa_status_changed AFTER UPDATE ON kaa_status
    FOR EACH ROW EXECUTE FUNCTION kaa_history_changed();
CREATE TRIGGER contact_attempt_changed AFTER UPDATE ON contact_attempt
    FOR EACH ROW EXECUTE FUNCTION kaa_history_changed();
CREATE TRIGGER kaa_status_removed AFTER DELETE ON kaa_status REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION kaa_history_removed();
CREATE TRIGGER contact_attempt_removed AFTER DELETE ON contact_attempt REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION kaa_history_removed();
