-- Organisations (the four Finsam parties and others), their units, and the people who log in.

CREATE TABLE organisation (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text NOT NULL,
    party_type        text NOT NULL CHECK (party_type IN ('KOMMUN', 'REGION', 'ARBETSFORMEDLINGEN',
                          'FORSAKRINGSKASSAN', 'FORBUND', 'SKOLA', 'CIVIL_SOCIETY', 'OTHER')),
    municipality_code char(4) REFERENCES municipality (code),
    county_code       char(2) REFERENCES county (code),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name)
);

CREATE TABLE organisation_unit (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    name            text NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE user_account (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text NOT NULL UNIQUE,
    display_name    text NOT NULL,
    password_hash   text,
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    unit_id         bigint REFERENCES organisation_unit (id),
    role            text NOT NULL CHECK (role IN ('ADMIN', 'KAA_COORDINATOR', 'CASE_WORKER', 'PROGRAMME_LEAD',
                        'FEDERATION_OFFICER', 'ANALYST', 'AUDITOR')),
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);
