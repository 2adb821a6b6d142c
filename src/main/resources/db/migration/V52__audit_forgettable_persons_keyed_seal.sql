-- Audit: a person can be forgotten in the log while the chain still verifies (ADR 0010). What names or may name a
-- person in a row (person_id, purpose with its free-text emergency reason, consent_id, detail) is no longer hashed as
-- it is: the row's hash covers a seal, HMAC-SHA256 of those fields and the row's id under a random key of that person
-- (audit_person_key). Forgetting the person clears those fields in their rows and destroys the key: every hash still
-- verifies, and nobody can tell any more whom a row was about, nor which rows were about the same person. Rows
-- without a person are hashed as before.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- A log that is already broken is not carried over into the new chain: V52 rehashes every row.
DO $$
DECLARE
    r audit_entry;
    previous text := repeat('0', 64);
BEGIN
    FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
        IF r.prev_hash <> previous OR r.hash <> audit_entry_hash(r) THEN
            RAISE EXCEPTION 'audit_entry: the hash chain is broken at id %, V52 will not rehash a changed log', r.id;
        END IF;
        previous := r.hash;
    END LOOP;
END
$$;

-- One random key per person the log names; deleted when the person is forgotten. Written by the insert trigger.
CREATE TABLE audit_person_key (
    person_id uuid PRIMARY KEY,
    key       bytea NOT NULL
);

ALTER TABLE audit_entry ADD COLUMN seal text;

CREATE FUNCTION audit_entry_seal(e audit_entry, k bytea) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(hmac(convert_to(format('%s|%s|%s|%s|%s', e.id, e.person_id, e.purpose, e.consent_id, e.detail),
        'UTF8'), k, 'sha256'), 'hex')
$$;

-- Without a seal the text hashed is exactly V5's; with one, the sealed fields are replaced by the seal.
CREATE OR REPLACE FUNCTION audit_entry_hash(e audit_entry) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(CASE WHEN e.seal IS NULL THEN
        format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s',
            e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.username, e.organisation_id, e.role,
            e.person_id, e.action, e.purpose, e.consent_id, e.detail, e.prev_hash)
        ELSE format('%s|%s|%s|%s|%s|seal:%s|%s|%s',
            e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.username, e.organisation_id, e.role,
            e.seal, e.action, e.prev_hash) END, 'UTF8')), 'hex')
$$;

CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous text;
    k bytea;
BEGIN
    -- one writer at a time, until commit, so that ids, commit order and the chain agree
    PERFORM pg_advisory_xact_lock(4711);
    SELECT hash INTO previous FROM audit_entry ORDER BY id DESC LIMIT 1;
    NEW.id := nextval('audit_entry_id_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.seal := NULL;
    IF NEW.person_id IS NOT NULL THEN
        SELECT key INTO k FROM audit_person_key WHERE person_id = NEW.person_id;
        IF NOT FOUND THEN
            k := gen_random_bytes(32);
            INSERT INTO audit_person_key (person_id, key) VALUES (NEW.person_id, k);
        END IF;
        NEW.seal := audit_entry_seal(NEW, k);
    END IF;
    NEW.hash := audit_entry_hash(NEW);
    RETURN NEW;
END
$$;

-- The rows so far get their seals and the new hashes, in chain order.
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    r audit_entry;
    previous text := repeat('0', 64);
    k bytea;
BEGIN
    FOR r IN SELECT * FROM audit_entry ORDER BY id LOOP
        IF r.person_id IS NOT NULL THEN
            SELECT key INTO k FROM audit_person_key WHERE person_id = r.person_id;
            IF NOT FOUND THEN
                k := gen_random_bytes(32);
                INSERT INTO audit_person_key (person_id, key) VALUES (r.person_id, k);
            END IF;
            r.seal := audit_entry_seal(r, k);
        END IF;
        r.prev_hash := previous;
        r.hash := audit_entry_hash(r);
        UPDATE audit_entry SET seal = r.seal, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous := r.hash;
    END LOOP;
END
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

-- The only changes the append-only trigger lets through, each only from inside its own function (checked on the call
-- stack and by a transaction-local setting that function sets): audit_forget_person clears a sealed row's personal
-- fields, leaving everything hashed as it was; audit_remove_up_to (V53) removes rows up to a signed checkpoint.
CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    stack text;
BEGIN
    GET DIAGNOSTICS stack = PG_CONTEXT;
    IF TG_OP = 'UPDATE' AND current_setting('lots.audit_forget', true) = 'on'
            AND stack LIKE '%function audit_forget_person(uuid)%' THEN
        IF OLD.seal IS NOT NULL AND NEW.seal = OLD.seal AND NEW.id = OLD.id AND NEW.at = OLD.at
                AND NEW.username = OLD.username AND NEW.organisation_id IS NOT DISTINCT FROM OLD.organisation_id
                AND NEW.role IS NOT DISTINCT FROM OLD.role AND NEW.action = OLD.action
                AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
                AND NEW.person_id IS NULL AND NEW.purpose IS NULL AND NEW.consent_id IS NULL AND NEW.detail IS NULL THEN
            RETURN NEW;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' AND stack LIKE '%function audit_remove_up_to(bigint)%' THEN
        IF OLD.id <= coalesce(nullif(current_setting('lots.audit_remove_up_to', true), '')::bigint, 0) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only';
END
$$;

-- Forgets a person in the log: their rows keep id, time, user, organisation, role, action, seal and hashes; person,
-- purpose, consent and detail are cleared and the person's key destroyed. Runs as the schema owner, since the
-- application role may not update the log. Returns how many rows were made unidentifiable.
CREATE FUNCTION audit_forget_person(p uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    -- the same lock as every insert: no row about the person can be committed between the update and the delete
    PERFORM pg_advisory_xact_lock(4711);
    PERFORM set_config('lots.audit_forget', 'on', true);
    UPDATE audit_entry SET person_id = NULL, purpose = NULL, consent_id = NULL, detail = NULL WHERE person_id = p;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM set_config('lots.audit_forget', '', true);
    DELETE FROM audit_person_key WHERE person_id = p;
    RETURN n;
END
$$;
