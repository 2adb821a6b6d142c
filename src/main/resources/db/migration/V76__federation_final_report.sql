-- Module federation (issue 24, item 7): a programme's final report (slutrapport) to the förbund, the form of seed
-- 002 ("Slutrapport samverkansinsatser inom samordningsförbundet") field by field. Drafted from the programme's facts
-- (federation_programme), completed by the programme lead of the owner organisation, approved per participating party,
-- locked once every party has approved (V77 holds the lock in the database too).
CREATE TABLE federation_final_report (
    programme_id          bigint PRIMARY KEY REFERENCES federation_programme (programme_id),
    status                text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED', 'LOCKED')),
    purpose               text,
    equality              text,
    need_change           text,
    target_group          text,
    expected_participants text,
    target_group_change   text,
    methods               text,
    follow_up             text,
    ordinary_work         text,
    money_granted         numeric(14, 2) CHECK (money_granted >= 0),
    money_used            numeric(14, 2) CHECK (money_used >= 0),
    money_returned        numeric(14, 2) CHECK (money_returned >= 0),
    returned_why          text,
    returned_consequences text,
    experiences           text,
    -- the figures as published when the lead submitted (always suppressed): what the parties approve
    figures               jsonb,
    submitted_by          bigint REFERENCES user_account (id),
    submitted_at          timestamptz,
    locked_at             timestamptz,
    version               int NOT NULL DEFAULT 0,
    created_by            bigint NOT NULL REFERENCES user_account (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            bigint REFERENCES user_account (id),
    updated_at            timestamptz,
    CHECK (status = 'DRAFT' OR (submitted_at IS NOT NULL AND figures IS NOT NULL)),
    CHECK ((status = 'LOCKED') = (locked_at IS NOT NULL))
);

-- The goals set for the programme ("Ange uppsatta mål"): the lead's text, achieved yes/no, the outcome in free text,
-- and optionally the progression module's programme goal (an indicator Lots computes) shown next to it.
CREATE TABLE federation_final_report_goal (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id       bigint NOT NULL REFERENCES federation_final_report (programme_id),
    position           int NOT NULL,
    goal               text NOT NULL CHECK (length(trim(goal)) > 0),
    achieved           boolean,
    outcome            text,
    programme_goal_id  bigint,
    UNIQUE (programme_id, position)
);

-- Lessons and experiences of each participating party ("Vilka lärdomar och erfarenheter har respektive
-- samverkanspart erhållit"): one text per party.
CREATE TABLE federation_final_report_lesson (
    programme_id    bigint NOT NULL REFERENCES federation_final_report (programme_id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    lessons         text NOT NULL,
    PRIMARY KEY (programme_id, organisation_id)
);

-- The signatures ("Underskrift, organisation och datum, namn, e-post"): a party's approval by one of its programme
-- leads (approved_by), or, for a party without users in Lots, the name the owner's lead recorded (recorded_by).
CREATE TABLE federation_final_report_approval (
    programme_id    bigint NOT NULL REFERENCES federation_final_report (programme_id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    approved_by     bigint REFERENCES user_account (id),
    recorded_by     bigint REFERENCES user_account (id),
    signer_name     text NOT NULL CHECK (length(trim(signer_name)) > 0),
    signer_email    text,
    approved_on     date NOT NULL,
    approved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, organisation_id),
    CHECK ((approved_by IS NULL) <> (recorded_by IS NULL))
);
