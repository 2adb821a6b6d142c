-- Radering på begäran (GDPR art. 17) as a case of the organisation that holds the person's record: the request as
-- received (by whom, the requester's identity as checked, art. 12.6), Lots' decision and what was removed. The case
-- keeps nothing that identifies the person (no person id, no name, no personnummer): an erased person must not be
-- findable through the record of their erasure, and a refusal is told to the person in the decision letter and written
-- to the person's audit history (action ERASURE, with the case number), which is where the link between the two lives.
CREATE SEQUENCE privacy_erasure_case_seq;

CREATE TABLE privacy_erasure_request (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_number      text NOT NULL UNIQUE,
    organisation_id  bigint NOT NULL,
    received_on      date NOT NULL,
    requested_by     text NOT NULL CHECK (requested_by IN ('PERSON', 'GUARDIAN', 'REPRESENTATIVE')),
    identity_check   text NOT NULL
        CHECK (identity_check IN ('ID_DOCUMENT', 'BANKID', 'KNOWN_BEFORE', 'POWER_OF_ATTORNEY')),
    outcome          text NOT NULL CHECK (outcome IN ('ERASED', 'REFUSED_AUTHORITY', 'REFUSED_MUST_KEEP')),
    -- per register: the rows removed (ERASED) or held (a refusal), {"kaa": {"kaa_episode": 1, ...}, ...}
    registers        jsonb NOT NULL,
    -- a refusal's grounds: the governing retention rules (REFUSED_AUTHORITY) or the registers' reasons (message keys)
    grounds          jsonb NOT NULL DEFAULT '[]',
    -- whether the person was removed from the registry (no register held anything on them any more)
    person_forgotten boolean NOT NULL DEFAULT false,
    decided_at       timestamptz NOT NULL,
    decided_by       bigint NOT NULL,
    CHECK (outcome = 'ERASED' OR NOT person_forgotten)
);

CREATE INDEX privacy_erasure_request_by_organisation ON privacy_erasure_request (organisation_id, decided_at);
