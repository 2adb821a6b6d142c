-- KAA home visits: a day's route for two staff members and the persons to visit. The address is never copied
-- here: the route sheet reads it from young_person when it is printed, so a person who has been given protected
-- identity (or has moved) since the day was planned drops off the sheet instead of being printed from a copy.

CREATE TABLE home_visit_day (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id  bigint NOT NULL REFERENCES organisation (id),
    visit_on         date NOT NULL,
    -- the routine: always two staff members, never one alone
    first_staff_id   bigint NOT NULL REFERENCES user_account (id),
    second_staff_id  bigint NOT NULL REFERENCES user_account (id),
    -- the number on the "Vi har varit hos dig" card
    contact_phone    text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       bigint NOT NULL REFERENCES user_account (id),
    CHECK (first_staff_id <> second_staff_id)
);
CREATE INDEX home_visit_day_organisation ON home_visit_day (organisation_id, visit_on DESC);

CREATE TABLE home_visit (
    day_id           uuid NOT NULL REFERENCES home_visit_day (id),
    person_id        uuid NOT NULL REFERENCES young_person (id),
    episode_id       uuid NOT NULL REFERENCES kaa_episode (id),
    -- set once the visit's outcome is recorded as a contact attempt (channel HEMBESOK)
    outcome          text,
    with_guardian    boolean,
    recorded_at      timestamptz,
    recorded_by      bigint REFERENCES user_account (id),
    PRIMARY KEY (day_id, person_id),
    CHECK ((outcome IS NULL) = (recorded_at IS NULL))
);
CREATE INDEX home_visit_person ON home_visit (person_id);
