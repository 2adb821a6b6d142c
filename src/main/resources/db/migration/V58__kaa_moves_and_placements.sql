-- Moves and placements (issue 23, item 6). The KAA responsibility follows the home municipality (skollagen
-- 29 kap. 9 §): a move of the folkbokföring closes the episode in the old municipality and opens one in the new.
-- kaa_move is the handover itself, shown to both municipalities in the person's KAA history. It carries only what
-- both may see: who moved, from which municipality to which, on which day, the source and who recorded it, never a
-- status, a contact or a school. The new municipality's episode is a row of kaa_episode like any other.
CREATE TABLE kaa_move (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id              uuid NOT NULL REFERENCES young_person (id),
    from_organisation_id   bigint NOT NULL REFERENCES organisation (id),
    from_municipality      char(4) NOT NULL REFERENCES municipality (code),
    -- null when the new municipality does not use Lots: the old episode closes all the same
    to_organisation_id     bigint REFERENCES organisation (id),
    to_municipality        char(4) NOT NULL REFERENCES municipality (code),
    moved_on               date NOT NULL,
    source                 text NOT NULL,
    closed_episode_id      uuid NOT NULL UNIQUE REFERENCES kaa_episode (id),
    opened_episode_id      uuid REFERENCES kaa_episode (id),
    recorded_by            bigint NOT NULL REFERENCES user_account (id),
    recorded_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (from_municipality <> to_municipality)
);
CREATE INDEX kaa_move_person ON kaa_move (person_id);

-- A placement in another municipality (HVB, familjehem) does not move the responsibility: the responsible
-- municipality keeps its episode and sees the placement municipality as a contact municipality. The placement
-- municipality gets nothing from this row (no access without consent).
CREATE TABLE kaa_placement (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id              uuid NOT NULL REFERENCES young_person (id),
    organisation_id        bigint NOT NULL REFERENCES organisation (id),
    municipality           char(4) NOT NULL REFERENCES municipality (code),
    kind                   text NOT NULL,
    from_on                date NOT NULL,
    to_on                  date,
    recorded_by            bigint NOT NULL REFERENCES user_account (id),
    recorded_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    ended_by               bigint REFERENCES user_account (id),
    version                int NOT NULL DEFAULT 0,
    CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX kaa_placement_person ON kaa_placement (organisation_id, person_id);
