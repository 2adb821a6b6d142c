-- Bokade tider och påminnelser (issue 22): a time booked with a young person, whether they came, and the reminders
-- sent before it. Seeds 001: young people "kom inte på bokade tider"; a reminder the day before is what helps.
CREATE TABLE appointment (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    person_id         uuid NOT NULL,
    organisation_id   bigint NOT NULL,
    -- the staff member the young person meets (a user of the booking organisation)
    with_user_id      bigint NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    -- where, as the young person is told it: an address or a neutral place, never a unit's name (the reminder and
    -- the calendar file carry it)
    place             text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
    -- what the booking is about, for the booking organisation only (never in a reminder or a calendar file)
    purpose           text CHECK (length(purpose) <= 500),
    context           text NOT NULL CHECK (context IN ('PLAN', 'KAA', 'ANNAT')),
    -- the channel the young person chose for reminders and the number or address they gave for it
    reminder_channel  text NOT NULL CHECK (reminder_channel IN ('SMS', 'EPOST', 'INGEN')),
    reminder_address  text CHECK (length(reminder_address) <= 254),
    attendance        text CHECK (attendance IN ('KOM', 'UTEBLEV', 'INSTALLD')),
    attendance_note   text CHECK (length(attendance_note) <= 500),
    attendance_by     bigint,
    attendance_at     timestamptz,
    created_by        bigint NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           int NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK ((reminder_channel = 'INGEN') = (reminder_address IS NULL))
);
CREATE INDEX appointment_person ON appointment (person_id, starts_at);
CREATE INDEX appointment_organisation_day ON appointment (organisation_id, starts_at);
CREATE INDEX appointment_with_user_day ON appointment (with_user_id, starts_at);

-- One reminder per recipient and channel. The sender takes due rows with FOR UPDATE SKIP LOCKED, so several nodes
-- send each reminder once; a failed send is tried again (attempts) until it is too late to help.
CREATE TABLE appointment_reminder (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appointment_id  uuid NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    recipient       text NOT NULL CHECK (recipient IN ('UNG', 'PERSONAL')),
    channel         text NOT NULL CHECK (channel IN ('SMS', 'EPOST', 'LOTS')),
    due_at          timestamptz NOT NULL,
    sent_at         timestamptz,
    dropped_at      timestamptz,
    attempts        int NOT NULL DEFAULT 0,
    last_error      text,
    UNIQUE (appointment_id, recipient, channel)
);
CREATE INDEX appointment_reminder_due ON appointment_reminder (due_at) WHERE sent_at IS NULL AND dropped_at IS NULL;
