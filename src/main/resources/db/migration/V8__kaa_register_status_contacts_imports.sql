-- The KAA register (skollagen 29 kap. 9 §). It holds only what förordning (2006:39) 4 § allows: identity and
-- contact details (in young_person), past, current and planned occupation (kaa_status) and individual measures.
-- Sensitive notes belong in the plan, under its own access rules, never here.

-- An import of the school's list: the file is kept only until it is confirmed or discarded.
CREATE TABLE kaa_import (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id    bigint NOT NULL REFERENCES organisation (id),
    file_name          text NOT NULL,
    content            bytea,
    content_sha256     text NOT NULL,
    state              text NOT NULL CHECK (state IN ('PREVIEWED', 'CONFIRMED', 'DISCARDED')),
    rows_total         int NOT NULL DEFAULT 0,
    rows_new           int NOT NULL DEFAULT 0,
    rows_changed       int NOT NULL DEFAULT 0,
    rows_unchanged     int NOT NULL DEFAULT 0,
    rows_closed        int NOT NULL DEFAULT 0,
    rows_with_errors   int NOT NULL DEFAULT 0,
    uploaded_by        bigint NOT NULL REFERENCES user_account (id),
    uploaded_at        timestamptz NOT NULL DEFAULT now(),
    confirmed_by       bigint REFERENCES user_account (id),
    confirmed_at       timestamptz,
    CHECK (state = 'PREVIEWED' OR content IS NULL)
);
CREATE INDEX kaa_import_organisation ON kaa_import (organisation_id, uploaded_at DESC);

-- A spell in the target group: a person can have several, but only one open per municipality organisation.
CREATE TABLE kaa_episode (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id            uuid NOT NULL REFERENCES young_person (id),
    organisation_id      bigint NOT NULL REFERENCES organisation (id),
    registered_on        date NOT NULL,
    registration_reason  text NOT NULL,
    school               text,
    school_municipality  char(4) REFERENCES municipality (code),
    programme            text,
    left_school_on       date,
    exited_on            date,
    exit_reason          text,
    assigned_to          bigint REFERENCES user_account (id),
    import_id            uuid REFERENCES kaa_import (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           bigint REFERENCES user_account (id),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              int NOT NULL DEFAULT 0,
    CHECK ((exited_on IS NULL) = (exit_reason IS NULL)),
    CHECK (exited_on IS NULL OR exited_on >= registered_on)
);
CREATE UNIQUE INDEX kaa_episode_one_open ON kaa_episode (organisation_id, person_id) WHERE exited_on IS NULL;
CREATE INDEX kaa_episode_person ON kaa_episode (person_id);

-- Occupation as status history: a status holds from ascertained_on until the next one; nothing is overwritten.
CREATE TABLE kaa_status (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id        uuid NOT NULL REFERENCES young_person (id),
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    status           text NOT NULL,
    study_kind       text,
    occupation       text,
    ascertained_on   date NOT NULL,
    source           text NOT NULL,
    review_on        date,
    recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by      bigint REFERENCES user_account (id),
    CHECK (status = 'STUDERAR' OR study_kind IS NULL)
);
CREATE INDEX kaa_status_current ON kaa_status (organisation_id, person_id, ascertained_on DESC, recorded_at DESC);

CREATE TABLE contact_attempt (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id        uuid NOT NULL REFERENCES young_person (id),
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    channel          text NOT NULL,
    contacted_on     date NOT NULL,
    staff_user_id    bigint NOT NULL REFERENCES user_account (id),
    outcome          text NOT NULL,
    with_guardian    boolean NOT NULL DEFAULT false,
    note             text,
    recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by      bigint REFERENCES user_account (id)
);
CREATE INDEX contact_attempt_person ON contact_attempt (organisation_id, person_id, contacted_on DESC);
