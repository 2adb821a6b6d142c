-- Gallring (issue 23): progression's participations and anonymous registrations point at plan's enrolments, so the
-- plan module removes an enrolment only once progression no longer follows it up (progression's own retention rule
-- removes those rows). The plan module reads that here, never in progression's tables.
CREATE VIEW progression_followed_enrolment AS
SELECT enrolment_id FROM participant WHERE enrolment_id IS NOT NULL
UNION ALL
SELECT enrolment_id FROM anonymous_enrolment;

COMMENT ON VIEW progression_followed_enrolment IS
    'Published read view of the progression module: the enrolments a participation or an anonymous registration points at.';

-- The plan register's gallring (PlanRetention) finds an organisation's part by organisation, and removing a step, a
-- track, a meeting or a plan makes PostgreSQL check every row that may point at it: without these indexes each removed
-- row is a scan of the referring table. (Indexes on plan's tables in this migration, as V20 indexed enrolment: the
-- session's one version number.)
CREATE INDEX IF NOT EXISTS enrolment_organisation ON enrolment (organisation_id, person_id);
CREATE INDEX IF NOT EXISTS plan_step_organisation ON plan_step (organisation_id);
CREATE INDEX IF NOT EXISTS plan_step_track ON plan_step (track_id);
CREATE INDEX IF NOT EXISTS plan_step_meeting ON plan_step (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS plan_step_dependency_depends_on ON plan_step_dependency (depends_on);
CREATE INDEX IF NOT EXISTS meeting_plan ON meeting (plan_id);
CREATE INDEX IF NOT EXISTS meeting_by_organisation ON meeting (organisation_id, person_id);
CREATE INDEX IF NOT EXISTS journey_event_organisation ON journey_event (organisation_id, person_id);
