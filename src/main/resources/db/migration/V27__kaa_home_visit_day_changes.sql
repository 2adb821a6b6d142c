-- A planned home-visit day can be changed (date, staff, the card's phone) and cancelled, and a person can be taken
-- off a day before the visit. Nothing is deleted: a cancelled day and a removed visit stay, with who and when.
ALTER TABLE home_visit_day
    ADD COLUMN version       integer NOT NULL DEFAULT 0,
    ADD COLUMN updated_at    timestamptz,
    ADD COLUMN updated_by    bigint REFERENCES user_account (id),
    ADD COLUMN cancelled_at  timestamptz,
    ADD COLUMN cancelled_by  bigint REFERENCES user_account (id),
    ADD COLUMN cancel_reason text,
    ADD CONSTRAINT home_visit_day_cancelled CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL));

ALTER TABLE home_visit
    ADD COLUMN removed_at timestamptz,
    ADD COLUMN removed_by bigint REFERENCES user_account (id),
    ADD CONSTRAINT home_visit_removed CHECK ((removed_at IS NULL) = (removed_by IS NULL)),
    -- a visit whose outcome is recorded happened; it cannot be taken off the day
    ADD CONSTRAINT home_visit_removed_not_recorded CHECK (removed_at IS NULL OR outcome IS NULL);
