-- Module 4, second half: a stable code per need (so that other modules, e.g. a plan's recorded needs, can name one
-- without depending on a database id), and the record of every catalogue import from xlsx.

ALTER TABLE need ADD COLUMN code text;
UPDATE need SET code = CASE lower(name)
    WHEN 'praktiskt stöd' THEN 'PRAKTISKT_STOD'
    WHEN 'basala kompetenser' THEN 'BASALA_KOMPETENSER'
    WHEN 'alternativ utbildning' THEN 'ALTERNATIV_UTBILDNING'
    WHEN 'npf-stöd' THEN 'NPF_STOD'
    WHEN 'vårdkontakt / psykisk hälsa' THEN 'VARDKONTAKT_PSYKISK_HALSA'
    WHEN 'samordning vid flera aktörer' THEN 'SAMORDNING'
    WHEN 'språk' THEN 'SPRAK'
    WHEN 'boende' THEN 'BOENDE'
    WHEN 'ekonomi' THEN 'EKONOMI'
    WHEN 'motivation' THEN 'MOTIVATION'
    WHEN 'arbetslivserfarenhet' THEN 'ARBETSLIVSERFARENHET'
    ELSE 'BEHOV_' || id END;
ALTER TABLE need ALTER COLUMN code SET NOT NULL;
CREATE UNIQUE INDEX need_code ON need (code);

-- An xlsx import of the catalogue: the file is kept from the preview until it is confirmed (or left), then the
-- counts of what the confirmation did. Who and when are also in the audit log.
CREATE TABLE intervention_import (
    id           uuid PRIMARY KEY,
    file_name    text NOT NULL,
    content      bytea NOT NULL,
    uploaded_by  bigint NOT NULL REFERENCES user_account (id),
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    row_count    integer NOT NULL DEFAULT 0,
    added        integer NOT NULL DEFAULT 0,
    changed      integer NOT NULL DEFAULT 0,
    unchanged    integer NOT NULL DEFAULT 0,
    errors       integer NOT NULL DEFAULT 0,
    confirmed_by bigint REFERENCES user_account (id),
    confirmed_at timestamptz
);
CREATE INDEX intervention_import_recent ON intervention_import (uploaded_at DESC);
