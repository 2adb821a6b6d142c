-- Gallring (issue 23): every row a retention run removes makes PostgreSQL look for rows that still refer to it (the
-- foreign key's check); without an index that leads with the referring column, that is a whole scan of the referring
-- table per removed row. Measured by RetentionBenchmark (docs/benchmarks.md, "Gallring (retention job) vs plain
-- DELETE"): at 25 000 persons the removal had not finished one pass after 7 minutes without these. The composite
-- indexes that start with organisation_id do not serve a check by person_id alone.

-- removing a plan's tracks and the plan (plan register): plan_step (track_id), plan_step (meeting_id),
-- plan_step_dependency (depends_on) and meeting (plan_id) are indexed by V64 already

-- removing a KAA episode (KAA register)
CREATE INDEX home_visit_episode ON home_visit (episode_id);

-- forgetting a person: the registry's record goes once nothing refers to it
CREATE INDEX kaa_status_person ON kaa_status (person_id);
CREATE INDEX contact_attempt_person_only ON contact_attempt (person_id);
CREATE INDEX kaa_measure_person_only ON kaa_measure (person_id);
CREATE INDEX school_signal_person ON school_signal (person_id);
CREATE INDEX kaa_placement_person_only ON kaa_placement (person_id);
CREATE INDEX emergency_access_person ON emergency_access (person_id);
