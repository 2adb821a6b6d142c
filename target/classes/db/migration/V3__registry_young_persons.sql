-- Young persons: identified by personnummer / samordningsnummer, a reserve identity, or followed
-- anonymously (gender, birth year and municipality only, as SUS allows).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE reserve_identity_seq;

CREATE TABLE young_person (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    identity_kind            text NOT NULL CHECK (identity_kind IN ('PERSONNUMMER', 'SAMORDNINGSNUMMER',
                                 'RESERVE', 'ANONYMOUS')),
    personal_identity_number char(12) UNIQUE,
    reserve_identity         text UNIQUE,
    first_name               text,
    last_name                text,
    birth_date               date,
    birth_year               int NOT NULL,
    gender                   text NOT NULL CHECK (gender IN ('KVINNA', 'MAN', 'ANNAT', 'VILL_EJ_UPPGE')),
    municipality_code        char(4) REFERENCES municipality (code),
    -- skyddad folkbokföring / sekretessmarkering: no address is ever stored for such a person
    protected_identity       boolean NOT NULL DEFAULT false,
    street                   text,
    postal_code              text,
    city                     text,
    phone                    text,
    email                    text,
    preferred_language       text,
    interpreter_needed       boolean NOT NULL DEFAULT false,
    guardian_name            text,
    guardian_phone           text,
    guardian_email           text,
    owner_organisation_id    bigint NOT NULL REFERENCES organisation (id),
    created_at               timestamptz NOT NULL DEFAULT now(),
    created_by               bigint REFERENCES user_account (id),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    updated_by               bigint REFERENCES user_account (id),
    version                  int NOT NULL DEFAULT 0,
    CHECK (NOT protected_identity OR (street IS NULL AND postal_code IS NULL AND city IS NULL)),
    CHECK (identity_kind <> 'ANONYMOUS' OR (first_name IS NULL AND last_name IS NULL
        AND personal_identity_number IS NULL AND street IS NULL AND phone IS NULL AND email IS NULL)),
    CHECK ((identity_kind IN ('PERSONNUMMER', 'SAMORDNINGSNUMMER')) = (personal_identity_number IS NOT NULL)),
    CHECK ((identity_kind = 'RESERVE') = (reserve_identity IS NOT NULL))
);

-- name-part search ("ander" finds Andersson and Sanderberg): trigram index over the full name
CREATE INDEX young_person_name_trgm ON young_person
    USING gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))) gin_trgm_ops);
CREATE INDEX young_person_owner ON young_person (owner_organisation_id, last_name, first_name);
