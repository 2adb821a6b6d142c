-- Module federation (issue 24): the samordningsförbund's own records. A förbund is an organisation of party type
-- FORBUND (organisation module); here are its members, the area it covers and the programmes as Finsam sees them.

-- The members among the four parties (lag 2003:1210, 3–4 §§: Försäkringskassan, Arbetsförmedlingen, one or more
-- regions and one or more municipalities), with the day each joined and, for a former member, the day it left.
CREATE TABLE federation_member (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    federation_id   bigint NOT NULL REFERENCES organisation (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    joined_on       date NOT NULL,
    left_on         date,
    created_by      bigint NOT NULL REFERENCES user_account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (federation_id <> organisation_id),
    CHECK (left_on IS NULL OR left_on >= joined_on),
    UNIQUE (federation_id, organisation_id)
);
CREATE INDEX federation_member_organisation ON federation_member (organisation_id);

-- The samordningsområde: the municipalities the förbund covers (lag 2003:1210, 1 §).
CREATE TABLE federation_municipality (
    federation_id     bigint NOT NULL REFERENCES organisation (id),
    municipality_code char(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (federation_id, municipality_code)
);

-- A programme (insats) as the förbund sees it: the plan module's programme (name, owner organisation, enrolments)
-- with the facts of the application and the decision. One förbund per programme.
CREATE TABLE federation_programme (
    programme_id          bigint PRIMARY KEY REFERENCES programme (id),
    federation_id         bigint NOT NULL REFERENCES organisation (id),
    case_number           text CHECK (case_number IS NULL OR length(trim(case_number)) > 0),
    purpose               text NOT NULL CHECK (length(trim(purpose)) > 0),
    target_group          text,
    target_age_from       int CHECK (target_age_from BETWEEN 0 AND 120),
    target_age_to         int CHECK (target_age_to BETWEEN 0 AND 120),
    method                text,
    starts_on             date NOT NULL,
    ends_on               date,
    expected_per_year     int CHECK (expected_per_year >= 0),
    contact_name          text,
    contact_email         text,
    version               int NOT NULL DEFAULT 0,
    created_by            bigint NOT NULL REFERENCES user_account (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            bigint REFERENCES user_account (id),
    updated_at            timestamptz,
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK (target_age_from IS NULL OR target_age_to IS NULL OR target_age_to >= target_age_from),
    UNIQUE (federation_id, case_number)
);
CREATE INDEX federation_programme_federation ON federation_programme (federation_id, starts_on);

-- The participating parties (samverkansparter), the owner included: the Finsam rule (FinsamPartiesPolicy) counts them.
CREATE TABLE federation_programme_party (
    programme_id    bigint NOT NULL REFERENCES federation_programme (programme_id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (programme_id, organisation_id)
);

-- The municipalities whose young people the programme is for (a part of the förbund's area).
CREATE TABLE federation_programme_municipality (
    programme_id      bigint NOT NULL REFERENCES federation_programme (programme_id),
    municipality_code char(4) NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (programme_id, municipality_code)
);

-- Who finances the programme and with what share (the förbund, a municipality, state grants, ESF, ...): the shares of
-- a programme add up to 100 (checked by the service, in the same transaction as the lines).
CREATE TABLE federation_programme_funder (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id    bigint NOT NULL REFERENCES federation_programme (programme_id),
    kind            text NOT NULL CHECK (kind IN ('FORBUND', 'KOMMUN', 'REGION', 'ARBETSFORMEDLINGEN',
                                                  'FORSAKRINGSKASSAN', 'STATSBIDRAG', 'ESF', 'ANNAN')),
    organisation_id bigint REFERENCES organisation (id),
    name            text,
    share_percent   numeric(5, 2) NOT NULL CHECK (share_percent > 0 AND share_percent <= 100),
    CHECK (organisation_id IS NOT NULL OR length(trim(name)) > 0)
);
CREATE INDEX federation_programme_funder_programme ON federation_programme_funder (programme_id);
