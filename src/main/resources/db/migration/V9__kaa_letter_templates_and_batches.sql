-- KAA letters: plain-language templates with merge fields, per municipality organisation, edited by the KAA
-- coordinator. A template is retired, never deleted, so that a letter batch can always say what was sent.
CREATE TABLE kaa_letter_template (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    name             text NOT NULL,
    heading          text NOT NULL,
    body             text NOT NULL,
    retired_at       timestamptz,
    retired_by       bigint REFERENCES user_account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint REFERENCES user_account (id),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       bigint REFERENCES user_account (id),
    version          int NOT NULL DEFAULT 0,
    CHECK ((retired_at IS NULL) = (retired_by IS NULL))
);
-- two active templates with one name would be indistinguishable in the letter form (the service also compares
-- å, ä and ö case-insensitively, which lower() does not under the C locale)
CREATE UNIQUE INDEX kaa_letter_template_active_name ON kaa_letter_template (organisation_id, lower(name))
    WHERE retired_at IS NULL;

-- The sender block of the municipality's letters: return address and the phone number the young person calls.
CREATE TABLE kaa_letter_sender (
    organisation_id  bigint PRIMARY KEY REFERENCES organisation (id),
    return_address   text,
    phone            text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       bigint REFERENCES user_account (id)
);

-- One produced PDF of letters. Its id is handed out with the preview, so that pressing "create" twice cannot log
-- every letter twice as a contact attempt.
CREATE TABLE kaa_letter_batch (
    id                uuid PRIMARY KEY,
    organisation_id   bigint NOT NULL REFERENCES organisation (id),
    template_id       uuid NOT NULL REFERENCES kaa_letter_template (id),
    template_version  int NOT NULL,
    letters           int NOT NULL,
    skipped           int NOT NULL,
    sent_by           bigint NOT NULL REFERENCES user_account (id),
    sent_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kaa_letter_batch_organisation ON kaa_letter_batch (organisation_id, sent_at DESC);
