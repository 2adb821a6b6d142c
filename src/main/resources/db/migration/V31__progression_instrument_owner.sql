-- An instrument belongs to the organisation whose programme lead made it (an organisation with a licence for a
-- licensed scale configures it for itself), or to every organisation (organisation_id null: the shipped examples and
-- those the administrator keeps). Names are unique per owner.
ALTER TABLE instrument ADD COLUMN organisation_id bigint REFERENCES organisation (id);
ALTER TABLE instrument DROP CONSTRAINT instrument_name_key;
CREATE UNIQUE INDEX instrument_owner_name ON instrument (coalesce(organisation_id, 0), lower(name));
