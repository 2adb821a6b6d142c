-- Architecture (issue 21): follow-up and the intervention map read enrolments, programmes and the journey through
-- these views, never through the plan module's tables.
CREATE VIEW plan_programme AS
SELECT id, organisation_id, name, active, funded_by
  FROM programme;

COMMENT ON VIEW plan_programme IS
    'Published read view of the plan module: programmes, their organisation and the förbund that funds them.';

CREATE VIEW plan_enrolment AS
SELECT id, person_id, programme_id, organisation_id, started_on, referring_organisation_id, contact_user_id, reason,
       ended_on, end_reason, transferred_from, created_at, version
  FROM enrolment;

COMMENT ON VIEW plan_enrolment IS
    'Published read view of the plan module: enrolments (inskrivningar) in programmes, open and ended.';

CREATE VIEW plan_journey_event AS
SELECT id, person_id, organisation_id, user_id, occurred_on, recorded_at, kind, summary, code, confidential, ref_id
  FROM journey_event;

COMMENT ON VIEW plan_journey_event IS
    'Published read view of the plan module: the journey, one row per thing that happened to a young person.';
