-- Mina ärenden is read a page at a time in (date, id) order: with the id in the indexes, PostgreSQL merges the two
-- index walks (steps, reviews) and stops after the page instead of sorting every item of a busy case worker.
DROP INDEX plan_step_open_by_responsible;
CREATE INDEX plan_step_open_by_responsible ON plan_step (responsible_user_id, due_on, id)
    WHERE status IN ('PLANERAD', 'PAGAR');
DROP INDEX plan_review_due;
CREATE INDEX plan_review_due ON plan (coordinator_user_id, next_review_on, id);
