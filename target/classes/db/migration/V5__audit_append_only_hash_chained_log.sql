-- Audit log of every read and write of personal data. Append-only: a trigger refuses UPDATE and
-- DELETE for every role, and the application role is granted only SELECT and INSERT
-- (afterMigrate.sql). Each row carries the hash of the previous row, so a change made by someone
-- who bypasses both (a superuser) breaks the chain and audit verification finds it.

CREATE SEQUENCE audit_entry_id_seq;

CREATE TABLE audit_entry (
    id              bigint PRIMARY KEY,
    at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    username        text NOT NULL,
    organisation_id bigint,
    role            text,
    person_id       uuid,
    action          text NOT NULL CHECK (action IN ('READ', 'SEARCH', 'CREATE', 'UPDATE', 'DELETE',
                        'EXPORT', 'BREAK_GLASS')),
    purpose         text,
    consent_id      uuid,
    detail          text,
    prev_hash       text NOT NULL,
    hash            text NOT NULL
);
CREATE INDEX audit_entry_person ON audit_entry (person_id, at);
CREATE INDEX audit_entry_user ON audit_entry (username, at);
CREATE INDEX audit_entry_action ON audit_entry (action, at);

CREATE FUNCTION audit_entry_hash(e audit_entry) RETURNS text
    LANGUAGE sql STABLE AS $$
    -- format() writes NULL as an empty string, so every field keeps its place in the hashed text
    SELECT encode(sha256(convert_to(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s',
        e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.username, e.organisation_id, e.role,
        e.person_id, e.action, e.purpose, e.consent_id, e.detail, e.prev_hash), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_entry_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous text;
BEGIN
    -- one writer at a time, until commit, so that ids, commit order and the chain agree
    PERFORM pg_advisory_xact_lock(4711);
    SELECT hash INTO previous FROM audit_entry ORDER BY id DESC LIMIT 1;
    NEW.id := nextval('audit_entry_id_seq');
    NEW.at := clock_timestamp();
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.hash := audit_entry_hash(NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
