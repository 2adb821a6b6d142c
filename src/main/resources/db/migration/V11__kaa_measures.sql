-- KAA measures (åtgärder): förordning (2006:39) 4 § allows "individuella åtgärder med innehåll och start".
-- Categories are reference data an administrator keeps in step with SCB's current code list; a retired category
-- (active = false) can no longer be chosen but stays valid for the measures that used it.
CREATE TABLE kaa_measure_category (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,40}$'),
    name_sv     text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    sort_order  int NOT NULL DEFAULT 0
);

INSERT INTO kaa_measure_category (code, name_sv, sort_order) VALUES
    ('SYV', 'Studie- och yrkesvägledning', 10),
    ('SAMTAL', 'Enstaka samtal/vägledande samtal', 20),
    ('MOTIVATION', 'Motivationsinsats', 30),
    ('PRAKTIK', 'Praktik', 40),
    ('ARBETSTRANING', 'Arbetsträning/arbete', 50),
    ('FOLKHOGSKOLA', 'Folkhögskola', 60),
    ('KOMVUX', 'Kommunal vuxenutbildning', 70),
    ('FORBEREDANDE', 'Förberedande utbildning', 80),
    ('GYMNASIESKOLA', 'Gymnasieskola/återgång', 90),
    ('ANNAN', 'Annan åtgärd', 100);

-- A measure offered and/or started within one episode. "Declined" is only meaningful for an offer that was not
-- started; the first measure offered in an episode is the one with the earliest offered_on.
CREATE TABLE kaa_measure (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    episode_id         uuid NOT NULL REFERENCES kaa_episode (id),
    person_id          uuid NOT NULL REFERENCES young_person (id),
    organisation_id    bigint NOT NULL REFERENCES organisation (id),
    category_code      text NOT NULL REFERENCES kaa_measure_category (code),
    content            text,
    responsible        text NOT NULL CHECK (responsible IN ('UNG', 'KOMMUN', 'ANNAN_AKTOR')),
    responsible_actor  text,
    offered_on         date,
    started_on         date,
    ended_on           date,
    end_reason         text,
    follow_up_on       date,
    declined           boolean NOT NULL DEFAULT false,
    recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    recorded_by        bigint REFERENCES user_account (id),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (offered_on IS NOT NULL OR started_on IS NOT NULL),
    CHECK (started_on IS NULL OR offered_on IS NULL OR started_on >= offered_on),
    CHECK (ended_on IS NULL OR ended_on >= coalesce(started_on, offered_on)),
    CHECK (end_reason IS NULL OR ended_on IS NOT NULL),
    CHECK (NOT declined OR (offered_on IS NOT NULL AND started_on IS NULL)),
    CHECK (responsible = 'ANNAN_AKTOR' OR responsible_actor IS NULL)
);
CREATE INDEX kaa_measure_person ON kaa_measure (organisation_id, person_id, offered_on);
CREATE INDEX kaa_measure_episode ON kaa_measure (episode_id);
