-- Gallring (issue 23): progression's participations and anonymous registrations point at plan's enrolments, so the
-- plan module removes an enrolment only once progression no longer follows it up (progression's own retention rule
-- removes those rows). The plan module reads that here, never in progression's tables.
CREATE VIEW progression_followed_enrolment AS
SELECT enrolment_id FROM participant WHERE enrolment_id IS NOT NULL
UNION ALL
SELECT enrolment_id FROM anonymous_enrolment;

COMMENT ON VIEW progression_followed_enrolment IS
    'Published read view of the progression module: the enrolments a participation or an anonymous registration points at.';
