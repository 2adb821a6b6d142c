-- Module 5: group activities ("en gruppaktivitet per vecka", seed 002), recorded once for the participants who took
-- part, as a journey event GRUPPAKTIVITET each, and the goal "group activities per participant-week".
--
-- A unit does not store its group activities: the goal counts them from the journey for the period (FunderReports),
-- and the goals page keeps its measure as it does the contacts' (V32). So a group activity written or removed
-- rewrites the person's units (they are among the changed, though nothing in them changed), and is logged in
-- follow_up_contact_change with its kind, for the measure as a kept snapshot saw it.

ALTER TABLE journey_event DROP CONSTRAINT journey_event_kind_check;
ALTER TABLE journey_event ADD CONSTRAINT journey_event_kind_check
    CHECK (kind IN ('KONTAKT', 'GRUPPAKTIVITET', 'INSKRIVNING', 'UTSKRIVNING', 'OVERFORING', 'PLAN', 'STEG',
                    'STEGSTATUS', 'MOTE', 'REMISS', 'UPPFOLJNING'));
CREATE INDEX journey_event_group_activity ON journey_event (person_id, occurred_on) WHERE kind = 'GRUPPAKTIVITET';

ALTER TABLE programme_goal DROP CONSTRAINT programme_goal_indicator_check;
ALTER TABLE programme_goal ADD CONSTRAINT programme_goal_indicator_check
    CHECK (indicator IN ('DISCHARGED_WITH_PLAN', 'PLAN_WITHIN_MONTHS', 'PARTICIPANTS', 'DISCHARGED_TO_WORK_OR_STUDIES',
                         'CONTACTS_PER_WEEK', 'GROUP_ACTIVITIES_PER_WEEK'));

ALTER TABLE follow_up_contact_change ADD COLUMN kind text NOT NULL DEFAULT 'KONTAKT'
    CHECK (kind IN ('KONTAKT', 'GRUPPAKTIVITET'));

CREATE OR REPLACE FUNCTION follow_up_contacts_written() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO follow_up_contact_change (person_id, organisation_id, occurred_on, delta, xid, kind)
    SELECT c.person_id, c.organisation_id, c.occurred_on, TG_ARGV[0]::int, pg_current_xact_id(), c.kind
      FROM changed c WHERE c.kind IN ('KONTAKT', 'GRUPPAKTIVITET');
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION follow_up_unit_of_contacts() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed WHERE kind IN ('KONTAKT', 'GRUPPAKTIVITET')) THEN
        PERFORM follow_up_unit_refresh(ARRAY(
            SELECT e.id FROM enrolment e WHERE e.person_id IN (SELECT person_id FROM changed
                                                               WHERE kind IN ('KONTAKT', 'GRUPPAKTIVITET'))),
            true);
    END IF;
    RETURN NULL;
END
$$;
