-- The start page (issue 22): a case worker's open enrolments without a start registration are found by their contact
-- person; without this index that is a scan of every enrolment.
CREATE INDEX enrolment_contact_open ON enrolment (contact_user_id, started_on) WHERE ended_on IS NULL;
