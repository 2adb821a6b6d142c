-- Progression: the ladder of step movements becomes editable (add, rename, reorder, retire). Movements and the
-- occupations' derived steps now point at a step by its id, so that moving a step on the ladder keeps every recorded
-- movement on the step it was recorded on; a step in use cannot be deleted (foreign keys), only retired.
ALTER TABLE ladder_step ADD COLUMN retired boolean NOT NULL DEFAULT false;
-- reordering swaps positions inside one transaction
ALTER TABLE ladder_step DROP CONSTRAINT ladder_step_position_key;
ALTER TABLE ladder_step ADD CONSTRAINT ladder_step_position_key UNIQUE (position) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE step_movement ADD COLUMN from_step_id bigint REFERENCES ladder_step (id),
                          ADD COLUMN to_step_id bigint REFERENCES ladder_step (id);
UPDATE step_movement m SET from_step_id = (SELECT s.id FROM ladder_step s WHERE s.position = m.from_position),
                           to_step_id = (SELECT s.id FROM ladder_step s WHERE s.position = m.to_position);
ALTER TABLE step_movement ALTER COLUMN from_step_id SET NOT NULL, ALTER COLUMN to_step_id SET NOT NULL,
                          DROP COLUMN from_position, DROP COLUMN to_position,
                          ADD CHECK (from_step_id <> to_step_id);
CREATE INDEX step_movement_from_step ON step_movement (from_step_id);
CREATE INDEX step_movement_to_step ON step_movement (to_step_id);

ALTER TABLE occupation_category ADD COLUMN ladder_step_id bigint REFERENCES ladder_step (id);
UPDATE occupation_category o SET ladder_step_id = (SELECT s.id FROM ladder_step s WHERE s.position = o.ladder_position);
ALTER TABLE occupation_category DROP COLUMN ladder_position;
