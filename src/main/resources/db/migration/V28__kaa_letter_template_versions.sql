-- Every saved text of a letter template, so that what a batch sent (kaa_letter_batch.template_id and
-- template_version) can always be read back, and an earlier wording is never lost when a coordinator edits it.
CREATE TABLE kaa_letter_template_version (
    template_id  uuid NOT NULL REFERENCES kaa_letter_template (id),
    version      int NOT NULL,
    name         text NOT NULL,
    heading      text NOT NULL,
    body         text NOT NULL,
    retired      boolean NOT NULL,
    changed_at   timestamptz NOT NULL,
    -- null for the starter letters Lots seeds
    changed_by   bigint REFERENCES user_account (id),
    PRIMARY KEY (template_id, version)
);

-- the templates as they are now: their earlier texts were not kept before this migration
INSERT INTO kaa_letter_template_version (template_id, version, name, heading, body, retired, changed_at, changed_by)
SELECT id, version, name, heading, body, retired_at IS NOT NULL, updated_at, updated_by FROM kaa_letter_template;

CREATE INDEX kaa_letter_batch_template ON kaa_letter_batch (template_id, template_version);
