-- Password guessing throttled per account name and per client address (docs/security.md, issue 20 item 3).
-- Kept here and not in memory, so that every node of Lots sees the same counters.

-- One row per account name (as typed, whether or not the account exists) and per client address that has tried
-- lately: its failed attempts in the current window, and the password checks under way (pending), which may not
-- outnumber the failures left before the lock, so that guesses sent in parallel cannot slip past the count.
CREATE TABLE login_throttle (
    kind            text NOT NULL CHECK (kind IN ('ACCOUNT', 'ADDRESS')),
    key             text NOT NULL,
    failures        integer NOT NULL DEFAULT 0,
    window_start    timestamptz,
    last_failure_at timestamptz,
    pending         integer NOT NULL DEFAULT 0,
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
