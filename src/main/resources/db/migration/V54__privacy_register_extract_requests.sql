-- Registerutdrag (GDPR art. 15) as a tracked case: the request as received (from whom, the requester's identity as
-- checked, art. 12.6), the one-month deadline and its extension by up to two months with the reason (art. 12.3), the
-- extract as prepared (frozen, so that the reviewer checks exactly what is handed over), the secrecy review per
-- register under offentlighets- och sekretesslagen, and the handover (how, by whom, when) or the refusal with its
-- reason. The organisation is the one holding the person's record (the personuppgiftsansvarig that answers).
CREATE TABLE privacy_extract_request (
    id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id                 bigint NOT NULL,
    person_id                       uuid NOT NULL,
    received_on                     date NOT NULL,
    requested_by                    text NOT NULL CHECK (requested_by IN ('PERSON', 'GUARDIAN', 'REPRESENTATIVE')),
    requester_name                  text,
    identity_check                  text NOT NULL
        CHECK (identity_check IN ('ID_DOCUMENT', 'BANKID', 'KNOWN_BEFORE', 'POWER_OF_ATTORNEY')),
    identity_note                   text,
    status                          text NOT NULL
        CHECK (status IN ('REQUESTED', 'PREPARED', 'REVIEWED', 'HANDED_OVER', 'REFUSED')),
    deadline                        date NOT NULL,
    extended_to                     date,
    extension_reason                text,
    refusal_reason                  text,
    content                         jsonb,
    prepared_at                     timestamptz,
    prepared_by                     bigint,
    young_person_secrecy_considered boolean,
    reviewed_at                     timestamptz,
    reviewed_by                     bigint,
    handover                        text
        CHECK (handover IN ('IN_PERSON', 'POST_TO_REGISTERED_ADDRESS', 'SKATTEVERKET_FORWARDING', 'EMAIL')),
    handed_over_at                  timestamptz,
    handed_over_by                  bigint,
    created_at                      timestamptz NOT NULL,
    created_by                      bigint NOT NULL,
    version                         int NOT NULL DEFAULT 0,
    CHECK (requested_by = 'PERSON' OR requester_name IS NOT NULL),
    CHECK ((extended_to IS NULL) = (extension_reason IS NULL)),
    CHECK (extended_to IS NULL OR (extended_to > deadline AND extended_to <= received_on + interval '3 months')),
    CHECK (status <> 'REFUSED' OR refusal_reason IS NOT NULL),
    CHECK (status NOT IN ('PREPARED', 'REVIEWED', 'HANDED_OVER') OR content IS NOT NULL),
    CHECK (status <> 'HANDED_OVER' OR (handover IS NOT NULL AND handed_over_at IS NOT NULL))
);

CREATE INDEX privacy_extract_request_by_organisation ON privacy_extract_request (organisation_id, status, deadline);
CREATE INDEX privacy_extract_request_by_person ON privacy_extract_request (person_id);

-- The secrecy review of one register's part: disclosed, or withheld with the reviewer's reason (the OSL provision).
CREATE TABLE privacy_extract_review (
    request_id      uuid NOT NULL REFERENCES privacy_extract_request (id),
    register        text NOT NULL,
    disclose        boolean NOT NULL,
    withheld_reason text,
    PRIMARY KEY (request_id, register),
    CHECK (disclose OR withheld_reason IS NOT NULL)
);
