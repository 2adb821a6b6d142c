-- Samtycke: the young person's consent that one organisation shares (parts of) their record with another.

CREATE TABLE consent (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id            uuid NOT NULL REFERENCES young_person (id),
    from_organisation_id bigint NOT NULL REFERENCES organisation (id),
    to_organisation_id   bigint NOT NULL REFERENCES organisation (id),
    purpose              text NOT NULL CHECK (purpose IN ('SIP', 'SAMORDNING', 'REMISS', 'UPPFOLJNING')),
    scope                text[] NOT NULL CHECK (cardinality(scope) > 0),
    given_how            text NOT NULL CHECK (given_how IN ('SKRIFTLIGT', 'MUNTLIGT')),
    valid_from           date NOT NULL,
    valid_to             date NOT NULL,
    withdrawn_at         timestamptz,
    recorded_at          timestamptz NOT NULL DEFAULT now(),
    recorded_by          bigint NOT NULL REFERENCES user_account (id),
    withdrawn_by         bigint REFERENCES user_account (id),
    CHECK (valid_to >= valid_from),
    CHECK (from_organisation_id <> to_organisation_id)
);
CREATE INDEX consent_person ON consent (person_id);
CREATE INDEX consent_receiver ON consent (to_organisation_id, person_id);

-- Nödåtkomst ("break the glass"): a time-limited access without consent, with a stated reason.
CREATE TABLE emergency_access (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id  uuid NOT NULL REFERENCES young_person (id),
    user_id    bigint NOT NULL REFERENCES user_account (id),
    reason     text NOT NULL CHECK (length(trim(reason)) >= 10),
    granted_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX emergency_access_user ON emergency_access (user_id, person_id, expires_at);
