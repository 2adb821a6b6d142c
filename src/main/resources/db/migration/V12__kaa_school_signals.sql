-- KAA early warning: what schools report about absence, before a student has left school. These students are not
-- in the KAA target group (no kaa_episode): the school informs the home municipality under skollagen 15 kap. 15 §
-- and the municipality keeps itself informed under 29 kap. 9 §. Only identity (in young_person), school, period,
-- absence share and the school's dropout-risk flag are kept; the reasons for the absence belong to the school.

-- An import of school signals: the file (or a future SS 12000 snapshot) is kept only until confirmed or discarded.
CREATE TABLE school_signal_import (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id    bigint NOT NULL REFERENCES organisation (id),
    source             text NOT NULL DEFAULT 'FILE' CHECK (source IN ('FILE', 'SS12000')),
    file_name          text NOT NULL,
    content            bytea,
    content_sha256     text NOT NULL,
    state              text NOT NULL CHECK (state IN ('PREVIEWED', 'CONFIRMED', 'DISCARDED')),
    rows_total         int NOT NULL DEFAULT 0,
    rows_new           int NOT NULL DEFAULT 0,
    rows_changed       int NOT NULL DEFAULT 0,
    rows_unchanged     int NOT NULL DEFAULT 0,
    rows_flagged       int NOT NULL DEFAULT 0,
    rows_with_errors   int NOT NULL DEFAULT 0,
    uploaded_by        bigint NOT NULL REFERENCES user_account (id),
    uploaded_at        timestamptz NOT NULL DEFAULT now(),
    confirmed_by       bigint REFERENCES user_account (id),
    confirmed_at       timestamptz,
    CHECK (state = 'PREVIEWED' OR content IS NULL)
);
CREATE INDEX school_signal_import_organisation ON school_signal_import (organisation_id, uploaded_at DESC);

-- One student's absence at one school over one period, as the school reported it. Whether it is "problematic" is
-- not stored: it depends on lots.kaa.absence-threshold-percent, which may change.
CREATE TABLE school_signal (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id            uuid NOT NULL REFERENCES young_person (id),
    organisation_id      bigint NOT NULL REFERENCES organisation (id),
    school               text NOT NULL,
    school_municipality  char(4) NOT NULL REFERENCES municipality (code),
    programme            text,
    period_start         date NOT NULL,
    period_end           date NOT NULL,
    absence_percent      numeric(5, 2) NOT NULL CHECK (absence_percent BETWEEN 0 AND 100),
    dropout_risk         boolean NOT NULL DEFAULT false,
    import_id            uuid REFERENCES school_signal_import (id),
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    recorded_by          bigint REFERENCES user_account (id),
    CHECK (period_end >= period_start),
    -- the same school reporting the same period again corrects the figure instead of adding a second one
    UNIQUE (organisation_id, person_id, school, period_start, period_end)
);
CREATE INDEX school_signal_latest ON school_signal (organisation_id, person_id, period_end DESC);

-- Contact attempts for these students go into contact_attempt as they are: it is keyed by person and organisation,
-- not by KAA episode, so the history stays with the person when they later appear on the KAA list.
