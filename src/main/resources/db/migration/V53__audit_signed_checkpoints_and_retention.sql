-- Audit: signed checkpoints of the chain head (ADR 0010). Lots publishes each one outside the database too (a JSON
-- lines file and the application log); verify compares the log with them, so a superuser who rewrites a row and every
-- later hash is still found. The log's own retention removes rows only up to a checkpoint, through
-- audit_remove_up_to, and the chain then starts from that checkpoint.

CREATE TABLE audit_checkpoint (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the newest entry covered, its hash, and how many entries the log held up to it since it began (removed included)
    last_id   bigint NOT NULL,
    last_hash text NOT NULL,
    entries   bigint NOT NULL,
    at        timestamptz NOT NULL,
    -- HMAC-SHA256 by Lots' checkpoint key, which is not in the database (docs/operations.md)
    signature text NOT NULL,
    -- the rows up to last_id have been removed: the chain starts from here
    removed   boolean NOT NULL DEFAULT false
);
CREATE INDEX audit_checkpoint_last_id ON audit_checkpoint (last_id);

-- Removes the log up to a checkpoint, as the schema owner; only this function gets past the append-only trigger, and
-- only up to the checkpoint's last row. The caller (audit.internal.AuditRetention) has checked its signature. The
-- checkpoint must agree with the log: the row it names has its hash, and the count up to it is what it recorded.
CREATE FUNCTION audit_remove_up_to(checkpoint bigint) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    c audit_checkpoint;
    base bigint;
    kept bigint;
    n bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(4711);
    SELECT * INTO c FROM audit_checkpoint WHERE id = checkpoint;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'audit_remove_up_to: no checkpoint %', checkpoint;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_entry WHERE id = c.last_id AND hash = c.last_hash) THEN
        RAISE EXCEPTION 'audit_remove_up_to: the log disagrees with checkpoint % at entry %', checkpoint, c.last_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_entry WHERE id > c.last_id) THEN
        RAISE EXCEPTION 'audit_remove_up_to: the newest entry is kept, the chain goes on from it';
    END IF;
    SELECT coalesce(max(entries), 0) INTO base FROM audit_checkpoint WHERE removed;
    SELECT count(*) INTO kept FROM audit_entry WHERE id <= c.last_id;
    IF base + kept <> c.entries THEN
        RAISE EXCEPTION 'audit_remove_up_to: checkpoint % counted % entries, the log holds %', checkpoint, c.entries,
            base + kept;
    END IF;
    PERFORM set_config('lots.audit_remove_up_to', c.last_id::text, true);
    DELETE FROM audit_entry WHERE id <= c.last_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('lots.audit_remove_up_to', '', true);
    UPDATE audit_checkpoint SET removed = true WHERE id = checkpoint;
    -- the keys of persons the log no longer names
    DELETE FROM audit_person_key k WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.person_id = k.person_id);
    RETURN n;
END
$$;
