-- Password guessing throttled per account name and per client address (docs/security.md, issue 20 item 3).
-- Kept here and not in memory, so that every node of Lots sees the same counters.

-- One row per account name (as typed, whether or not the account exists) and per client address that has failed
-- lately: every attempt counts until it proves right, and the wait before the next one follows from the count.
CREATE TABLE login_throttle (
    kind            text NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key             text NOT NULL,
    attempts        integer NOT NULL,
    window_start    timestamptz NOT NULL,
    last_attempt_at timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX login_throttle_last_attempt ON login_throttle (last_attempt_at);

-- The security log of guessing: each password checked and refused, and each lock. Not the audit log, which
-- records access to personal data in one hash chain with one writer at a time: a guesser must not be able to
-- fill it, or slow every write of personal data, with names of their own choosing.
CREATE TABLE login_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('FAILURE', 'LOCKED')),
    username       text NOT NULL,
    client_address text NOT NULL,
    detail         text
);
CREATE INDEX login_event_username ON login_event (username, at);
CREATE INDEX login_event_at ON login_event (at);
