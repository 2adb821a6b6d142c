-- Architecture (issue 21): the follow-up module counts "a plan within N months" from the day a young person's plan
-- got its first step. It reads that here, not in the plan module's tables plan and plan_step.
CREATE VIEW plan_person_step AS
SELECT pl.person_id, s.id, s.plan_id, s.organisation_id, s.created_at
  FROM plan_step s JOIN plan pl ON pl.id = s.plan_id;

COMMENT ON VIEW plan_person_step IS
    'Published read view of the plan module: the steps of each young person''s plan and when each was written.';
