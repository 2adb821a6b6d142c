-- Module 4, the intervention map: providers (utförare), the catalogue of interventions with their needs and the
-- municipalities they serve, and a version row for every change. Built for faceted search over ~20 000
-- interventions and ~2 000 providers: every facet column is indexed, needs and municipalities are join tables
-- indexed from the facet side, free text has a Swedish full-text index and a trigram index.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Needs an intervention addresses; a reference list the administrator keeps. Retired needs stay for history.
CREATE TABLE need (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text NOT NULL CHECK (length(trim(name)) > 0),
    position integer NOT NULL DEFAULT 0,
    active   boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX need_name ON need (lower(name));

INSERT INTO need (name, position) VALUES
    ('Praktiskt stöd', 1),
    ('Basala kompetenser', 2),
    ('Alternativ utbildning', 3),
    ('NPF-stöd', 4),
    ('Vårdkontakt / psykisk hälsa', 5),
    ('Samordning vid flera aktörer', 6),
    ('Språk', 7),
    ('Boende', 8),
    ('Ekonomi', 9),
    ('Motivation', 10),
    ('Arbetslivserfarenhet', 11);

-- Utförare: an organisation (or one of its units) known to Lots, or a free-standing provider such as a
-- civil-society group or a folkhögskola with its own name and party type. For a linked provider the name and
-- party type are copied from the organisation when it is saved, so that search needs no join to another module.
CREATE TABLE provider (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint REFERENCES organisation (id),
    unit_id         bigint REFERENCES organisation_unit (id),
    name            text NOT NULL CHECK (length(trim(name)) > 0),
    party_type      text NOT NULL CHECK (party_type IN ('KOMMUN', 'REGION', 'ARBETSFORMEDLINGEN',
                        'FORSAKRINGSKASSAN', 'FORBUND', 'SKOLA', 'CIVIL_SOCIETY', 'OTHER')),
    contact_name    text,
    phone           text,
    email           text,
    address         text,
    opening_hours   text,
    created_by      bigint NOT NULL REFERENCES user_account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      bigint NOT NULL REFERENCES user_account (id),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 0,
    CHECK (unit_id IS NULL OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX provider_name ON provider (lower(name));
CREATE INDEX provider_organisation ON provider (organisation_id);

-- A catalogue entry. Occupancy is entered, unless the intervention is linked to a programme whose enrolments Lots
-- knows: then it is the number of open enrolments (see InterventionSearch).
CREATE TABLE intervention (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id    bigint NOT NULL REFERENCES provider (id),
    programme_id   bigint REFERENCES programme (id),
    name           text NOT NULL CHECK (length(trim(name)) > 0),
    description    text NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('INSATS', 'ATGARD', 'AKTIVITET', 'PRAKTIK', 'UTBILDNING')),
    target_group   text,
    age_min        smallint NOT NULL CHECK (age_min BETWEEN 0 AND 120),
    age_max        smallint NOT NULL CHECK (age_max BETWEEN 0 AND 120),
    eligibility    text[] NOT NULL DEFAULT '{}',
    method         text,
    duration_weeks integer CHECK (duration_weeks > 0),
    capacity       integer CHECK (capacity >= 0),
    occupancy      integer CHECK (occupancy >= 0),
    waiting_days   integer CHECK (waiting_days >= 0),
    cost           text,
    financing      text,
    kaa_measure    boolean NOT NULL DEFAULT false,
    valid_from     date,
    valid_to       date,
    retired        boolean NOT NULL DEFAULT false,
    reviewed_on    date,
    reviewed_by    bigint REFERENCES user_account (id),
    search_text    text GENERATED ALWAYS AS (lower(name || ' ' || description || ' ' || coalesce(target_group, '')))
                       STORED,
    search_vector  tsvector GENERATED ALWAYS AS (to_tsvector('swedish'::regconfig,
                       name || ' ' || description || ' ' || coalesce(target_group, ''))) STORED,
    created_by     bigint NOT NULL REFERENCES user_account (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     bigint NOT NULL REFERENCES user_account (id),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer NOT NULL DEFAULT 0,
    CHECK (age_min <= age_max),
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX intervention_provider ON intervention (provider_id);
CREATE INDEX intervention_programme ON intervention (programme_id) WHERE programme_id IS NOT NULL;
CREATE INDEX intervention_kind ON intervention (kind) WHERE NOT retired;
CREATE INDEX intervention_age ON intervention (age_min, age_max) WHERE NOT retired;
CREATE INDEX intervention_kaa ON intervention (id) WHERE kaa_measure AND NOT retired;
CREATE INDEX intervention_review ON intervention (reviewed_on) WHERE NOT retired;
CREATE INDEX intervention_eligibility ON intervention USING gin (eligibility);
CREATE INDEX intervention_search_text ON intervention USING gin (search_text gin_trgm_ops);
CREATE INDEX intervention_search_vector ON intervention USING gin (search_vector);

CREATE TABLE intervention_need (
    intervention_id bigint NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    need_id         bigint NOT NULL REFERENCES need (id),
    PRIMARY KEY (intervention_id, need_id)
);
CREATE INDEX intervention_need_by_need ON intervention_need (need_id, intervention_id);

CREATE TABLE intervention_municipality (
    intervention_id   bigint NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    municipality_code char(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (intervention_id, municipality_code)
);
CREATE INDEX intervention_municipality_by_code ON intervention_municipality (municipality_code, intervention_id);

-- Every save of an intervention: who, when, which fields changed, and the whole content as it was saved.
CREATE TABLE intervention_version (
    intervention_id bigint NOT NULL REFERENCES intervention (id),
    version         integer NOT NULL,
    changed_by      bigint NOT NULL REFERENCES user_account (id),
    changed_at      timestamptz NOT NULL DEFAULT now(),
    changed_fields  text[] NOT NULL,
    content         jsonb NOT NULL,
    PRIMARY KEY (intervention_id, version)
);

-- Occupancy of a linked intervention counts the programme's open enrolments (module 3's table, read only).
CREATE INDEX enrolment_open_by_programme ON enrolment (programme_id) WHERE ended_on IS NULL;
