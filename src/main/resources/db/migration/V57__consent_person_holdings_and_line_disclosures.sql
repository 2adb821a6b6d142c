-- Issue 23, secrecy inside one municipality (docs/security.md "Secrecy inside a municipality"). A young person's
-- record is held by lines of work of the organisation that holds it: the line (and nämnd) of the user who registered
-- the person or took a KAA or plan action for them. Another line of the same organisation sees the record only
-- through a recorded disclosure (line_disclosure) that cites its lawful basis, as another organisation does through
-- a consent.
--
-- line_of_work NULL: the holding was recorded where the user's unit had no line of work (or the user no unit); it
-- then follows the unit's line of work (unit_id), and with no unit, or a unit without a line, the whole organisation
-- holds the record: nothing recorded before the organisation was divided into lines is lost to it.
CREATE TABLE person_holding (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES young_person (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    unit_id         bigint REFERENCES organisation_unit (id),
    committee       text NOT NULL DEFAULT '',
    line_of_work    text CHECK (line_of_work IN ('UTBILDNING_KAA', 'SOCIALTJANST', 'ARBETSMARKNAD',
                                                 'HALSO_OCH_SJUKVARD', 'ANNAN')),
    since           timestamptz NOT NULL DEFAULT now(),
    recorded_by     bigint REFERENCES user_account (id)
);
CREATE UNIQUE INDEX person_holding_once ON person_holding (person_id, organisation_id, coalesce(unit_id, -1),
    committee, coalesce(line_of_work, ''));

-- Existing persons are held by the unit of the user who registered them (which has no line of work yet, so the whole
-- organisation holds them until the administrator gives the unit one), or by the whole organisation when that user
-- is not known or was of another organisation.
INSERT INTO person_holding (person_id, organisation_id, unit_id, since, recorded_by)
SELECT p.id, p.owner_organisation_id, s.unit_id, p.created_at, s.id
  FROM young_person p
  LEFT JOIN organisation_staff s ON s.id = p.created_by AND s.organisation_id = p.owner_organisation_id;

-- The holding as the access rule reads it: a holding without a line of work takes its unit's (nämnd and line); both
-- null is the whole organisation.
CREATE VIEW consent_person_holding AS
SELECT h.person_id, h.organisation_id,
       CASE WHEN h.line_of_work IS NOT NULL THEN h.line_of_work ELSE u.line_of_work END AS line_of_work,
       CASE WHEN h.line_of_work IS NOT NULL THEN h.committee ELSE coalesce(u.committee, '') END AS committee
  FROM person_holding h
  LEFT JOIN organisation_unit_directory u ON u.id = h.unit_id;

COMMENT ON VIEW consent_person_holding IS
    'Published read view of the consent module: the lines of work (and nämnder) of an organisation that hold a young '
    'person''s record; a null line of work is the whole organisation. A list of the own organisation''s persons shows '
    'only those its reader''s line holds (or that are disclosed to it, AccessPolicy).';

-- Uppgiftslämnande between lines of work of one organisation: the holding line discloses the record to another,
-- citing the provision that allows it without a breach of secrecy (offentlighets- och sekretesslagen): the young
-- person's consent (12 kap. 2 §), necessary for the disclosing line's own work (10 kap. 2 §) or a duty to disclose
-- in law or förordning (10 kap. 28 §). In force from valid_from until valid_to (or withdrawn).
CREATE TABLE line_disclosure (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id         uuid NOT NULL REFERENCES young_person (id),
    organisation_id   bigint NOT NULL REFERENCES organisation (id),
    from_committee    text NOT NULL DEFAULT '',
    from_line_of_work text NOT NULL,
    to_committee      text NOT NULL DEFAULT '',
    to_line_of_work   text NOT NULL CHECK (to_line_of_work IN ('UTBILDNING_KAA', 'SOCIALTJANST', 'ARBETSMARKNAD',
                                                               'HALSO_OCH_SJUKVARD', 'ANNAN')),
    provision         text NOT NULL CHECK (provision IN ('SAMTYCKE', 'NODVANDIGT_FOR_VERKSAMHETEN',
                                                         'UPPGIFTSSKYLDIGHET')),
    reason            text NOT NULL CHECK (length(btrim(reason)) >= 10),
    valid_from        date NOT NULL,
    valid_to          date NOT NULL,
    withdrawn_at      timestamptz,
    withdrawn_by      bigint REFERENCES user_account (id),
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    recorded_by       bigint NOT NULL REFERENCES user_account (id),
    CHECK (valid_to >= valid_from),
    CHECK (from_committee <> to_committee OR from_line_of_work <> to_line_of_work)
);
CREATE INDEX line_disclosure_person ON line_disclosure (person_id);
CREATE INDEX line_disclosure_receiver ON line_disclosure (organisation_id, to_line_of_work, person_id);
