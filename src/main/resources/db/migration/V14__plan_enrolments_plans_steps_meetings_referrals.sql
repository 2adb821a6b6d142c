-- Module 3, the individual plan and coordination: enrolments in programmes, one parallel plan per young person,
-- its steps owned by organisations, SIP and other multi-party meetings, referrals (remiss), and the journey
-- timeline that shows all of it in order.

-- A programme or service a young person is enrolled in ("Framsteget ung", "Samordningsteamet", KAA follow-up).
CREATE TABLE programme (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    name            text NOT NULL CHECK (length(trim(name)) > 0),
    active          boolean NOT NULL DEFAULT true,
    UNIQUE (organisation_id, name)
);

-- Inskrivning: a spell in a programme. A transfer ends one enrolment and starts the next, linked by
-- transferred_from, so that the history stays.
CREATE TABLE enrolment (
    id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id                 uuid NOT NULL REFERENCES young_person (id),
    programme_id              bigint NOT NULL REFERENCES programme (id),
    organisation_id           bigint NOT NULL REFERENCES organisation (id),
    started_on                date NOT NULL,
    referring_organisation_id bigint REFERENCES organisation (id),
    contact_user_id           bigint REFERENCES user_account (id),
    reason                    text NOT NULL CHECK (length(trim(reason)) > 0),
    ended_on                  date,
    end_reason                text CHECK (end_reason IN ('ARBETE', 'STUDIER', 'ANNAN_INSATS', 'FLYTTAT', 'AVBRUTIT',
                                                         'EJ_ANTRAFFBAR', 'FELREGISTRERAD', 'OVERFORD', 'ANNAT')),
    transferred_from          uuid REFERENCES enrolment (id),
    created_by                bigint NOT NULL REFERENCES user_account (id),
    created_at                timestamptz NOT NULL DEFAULT now(),
    version                   integer NOT NULL DEFAULT 0,
    CHECK ((ended_on IS NULL) = (end_reason IS NULL)),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX enrolment_person ON enrolment (person_id, started_on);
CREATE UNIQUE INDEX enrolment_one_open_per_programme ON enrolment (person_id, programme_id) WHERE ended_on IS NULL;

-- The young person's one plan, owned jointly: their goal in their own words and their strengths.
CREATE TABLE plan (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id           uuid NOT NULL UNIQUE REFERENCES young_person (id),
    goal                text,
    strengths           text,
    coordinator_user_id bigint REFERENCES user_account (id),
    next_review_on      date,
    created_by          bigint NOT NULL REFERENCES user_account (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          bigint NOT NULL REFERENCES user_account (id),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 0
);
CREATE INDEX plan_review_due ON plan (coordinator_user_id, next_review_on);

-- Tracks run in parallel: the four standard ones and any the young person and staff add.
CREATE TABLE plan_track (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id  uuid NOT NULL REFERENCES plan (id),
    kind     text NOT NULL CHECK (kind IN ('ARBETE', 'UTBILDNING', 'HALSA', 'VARDAG', 'EGET')),
    name     text CHECK (kind <> 'EGET' OR length(trim(name)) > 0),
    position integer NOT NULL
);
CREATE UNIQUE INDEX plan_track_standard ON plan_track (plan_id, kind) WHERE kind <> 'EGET';
CREATE INDEX plan_track_plan ON plan_track (plan_id, position);

-- Meetings come before steps: a decision in the minutes becomes a step that points at its meeting.
CREATE TABLE meeting (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id            uuid NOT NULL REFERENCES young_person (id),
    plan_id              uuid NOT NULL REFERENCES plan (id),
    kind                 text NOT NULL CHECK (kind IN ('SIP', 'FLERPARTSMOTE', 'TREPARTSSAMTAL', 'AVSTAMNINGSMOTE')),
    held_on              date NOT NULL,
    organisation_id      bigint NOT NULL REFERENCES organisation (id),
    young_person_present boolean NOT NULL,
    guardian_present     boolean NOT NULL DEFAULT false,
    minutes              text,
    next_meeting_on      date,
    coordinator_user_id  bigint REFERENCES user_account (id),
    created_by           bigint NOT NULL REFERENCES user_account (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    version              integer NOT NULL DEFAULT 0
);
CREATE INDEX meeting_person ON meeting (person_id, held_on);

-- The organisations taking part; for each one other than the holder of the record, the consent that covers it.
CREATE TABLE meeting_organisation (
    meeting_id      uuid NOT NULL REFERENCES meeting (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    consent_id      uuid REFERENCES consent (id),
    PRIMARY KEY (meeting_id, organisation_id)
);

-- The people taking part, staff or not (a support person, a teacher).
CREATE TABLE meeting_participant (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id      uuid NOT NULL REFERENCES meeting (id),
    organisation_id bigint REFERENCES organisation (id),
    user_id         bigint REFERENCES user_account (id),
    name            text NOT NULL CHECK (length(trim(name)) > 0),
    role            text
);
CREATE INDEX meeting_participant_meeting ON meeting_participant (meeting_id);

-- A step: who (organisation and named person), how, when, why, next step, obstacles, status; who is responsible
-- in the sense of Skolverket's advice (the young person, the municipality, another actor).
CREATE TABLE plan_step (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    plan_id             uuid NOT NULL REFERENCES plan (id),
    track_id            bigint NOT NULL REFERENCES plan_track (id),
    organisation_id     bigint NOT NULL REFERENCES organisation (id),
    responsible_user_id bigint REFERENCES user_account (id),
    contact_name        text,
    responsible_party   text NOT NULL CHECK (responsible_party IN ('UNGDOMEN', 'KOMMUNEN', 'ANNAN_AKTOR')),
    title               text NOT NULL CHECK (length(trim(title)) > 0),
    how                 text,
    why                 text,
    next_step           text,
    obstacles           text,
    starts_on           date,
    due_on              date,
    status              text NOT NULL CHECK (status IN ('PLANERAD', 'PAGAR', 'KLAR', 'AVBRUTEN')),
    cancel_reason       text,
    confidential        boolean NOT NULL DEFAULT false,
    meeting_id          uuid REFERENCES meeting (id),
    created_by          bigint NOT NULL REFERENCES user_account (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          bigint NOT NULL REFERENCES user_account (id),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 0,
    CHECK (status <> 'AVBRUTEN' OR length(trim(cancel_reason)) > 0),
    CHECK (due_on IS NULL OR starts_on IS NULL OR due_on >= starts_on)
);
CREATE INDEX plan_step_plan ON plan_step (plan_id, track_id);
CREATE INDEX plan_step_open_by_responsible ON plan_step (responsible_user_id, due_on)
    WHERE status IN ('PLANERAD', 'PAGAR');

-- Steps may depend on one another; nothing forces a sequence.
CREATE TABLE plan_step_dependency (
    step_id    uuid NOT NULL REFERENCES plan_step (id),
    depends_on uuid NOT NULL REFERENCES plan_step (id),
    PRIMARY KEY (step_id, depends_on),
    CHECK (step_id <> depends_on)
);

-- Stödperson, personligt ombud, mentor … named in the plan, with their role.
CREATE TABLE support_person (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id  uuid NOT NULL REFERENCES plan (id),
    name     text NOT NULL CHECK (length(trim(name)) > 0),
    role     text NOT NULL CHECK (role IN ('STODPERSON', 'PERSONLIGT_OMBUD', 'MENTOR', 'GOD_MAN', 'ANNAN')),
    phone    text,
    added_by bigint NOT NULL REFERENCES user_account (id),
    added_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_person_plan ON support_person (plan_id);

-- Uppföljning av planen: when it was reviewed, what was said, when next.
CREATE TABLE plan_review (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id        uuid NOT NULL REFERENCES plan (id),
    held_on        date NOT NULL,
    note           text,
    next_review_on date,
    reviewed_by    bigint NOT NULL REFERENCES user_account (id),
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_review_plan ON plan_review (plan_id, held_on);

-- Remiss: from one organisation (unit) to another, with the consent it uses. Status changes are kept in
-- referral_status; the timestamps here are the first time each state was reached, for waiting times.
CREATE TABLE referral (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id            uuid NOT NULL REFERENCES young_person (id),
    from_organisation_id bigint NOT NULL REFERENCES organisation (id),
    from_unit_id         bigint REFERENCES organisation_unit (id),
    from_user_id         bigint NOT NULL REFERENCES user_account (id),
    to_organisation_id   bigint NOT NULL REFERENCES organisation (id),
    to_unit_id           bigint REFERENCES organisation_unit (id),
    intervention         text,
    reason               text NOT NULL CHECK (length(trim(reason)) > 0),
    request              text NOT NULL CHECK (length(trim(request)) > 0),
    consent_id           uuid REFERENCES consent (id),
    status               text NOT NULL CHECK (status IN ('SKICKAD', 'MOTTAGEN', 'ACCEPTERAD', 'AVBOJD', 'PABORJAD',
                                                         'AVSLUTAD', 'ATERKALLAD')),
    status_reason        text,
    sent_at              timestamptz NOT NULL DEFAULT now(),
    received_at          timestamptz,
    answered_at          timestamptz,
    started_at           timestamptz,
    ended_at             timestamptz,
    version              integer NOT NULL DEFAULT 0,
    CHECK (status NOT IN ('AVBOJD', 'ATERKALLAD') OR length(trim(status_reason)) > 0)
);
CREATE INDEX referral_person ON referral (person_id, sent_at);
CREATE INDEX referral_receiver ON referral (to_organisation_id, status, sent_at);
CREATE INDEX referral_sender ON referral (from_organisation_id, status, sent_at);

CREATE TABLE referral_status (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id uuid NOT NULL REFERENCES referral (id),
    status      text NOT NULL,
    reason      text,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    changed_by  bigint NOT NULL REFERENCES user_account (id)
);
CREATE INDEX referral_status_referral ON referral_status (referral_id, changed_at);

-- The journey: one row per thing that happened (contact, step, meeting, referral, enrolment, review, status
-- change), written in the same transaction as the change, so that the timeline is one indexed read. summary is
-- the users' own text (a step's title, a contact note); code is a status or kind the page translates. A row of a
-- confidential step is seen only by its organisation.
CREATE TABLE journey_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    person_id       uuid NOT NULL REFERENCES young_person (id),
    organisation_id bigint NOT NULL REFERENCES organisation (id),
    user_id         bigint REFERENCES user_account (id),
    occurred_on     date NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    kind            text NOT NULL CHECK (kind IN ('KONTAKT', 'INSKRIVNING', 'UTSKRIVNING', 'OVERFORING', 'PLAN',
                                                  'STEG', 'STEGSTATUS', 'MOTE', 'REMISS', 'UPPFOLJNING')),
    summary         text NOT NULL,
    code            text,
    confidential    boolean NOT NULL DEFAULT false,
    ref_id          uuid
);
CREATE INDEX journey_event_person ON journey_event (person_id, occurred_on DESC, id DESC);
