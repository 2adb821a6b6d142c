-- Samtycke: two consents alike in person, holder, receiver, purpose and scope may not be in force (not withdrawn)
-- on the same day. The service refuses them with a message; this constraint holds when two requests race.

-- btree_gist gives the equality of uuid, bigint and text to a GiST index; it is a trusted extension (no superuser)
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- a scope is a set: the same parts in another order, or one part twice, is the same scope
CREATE FUNCTION consent_scope_key(scope text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT string_agg(DISTINCT s, ',' ORDER BY s) FROM unnest(scope) s $$;

-- Duplicates stored before this migration: the later recorded of two alike and overlapping is marked withdrawn by
-- the one who recorded it (the earlier one keeps the access; a chain of overlaps may withdraw more than needed).
UPDATE consent c
   SET withdrawn_at = now(), withdrawn_by = c.recorded_by
 WHERE c.withdrawn_at IS NULL
   AND EXISTS (SELECT 1 FROM consent e
                WHERE e.withdrawn_at IS NULL AND e.person_id = c.person_id
                  AND e.from_organisation_id = c.from_organisation_id AND e.to_organisation_id = c.to_organisation_id
                  AND e.purpose = c.purpose AND consent_scope_key(e.scope) = consent_scope_key(c.scope)
                  AND daterange(e.valid_from, e.valid_to, '[]') && daterange(c.valid_from, c.valid_to, '[]')
                  AND (e.recorded_at, e.id) < (c.recorded_at, c.id));

ALTER TABLE consent ADD CONSTRAINT consent_no_overlapping_duplicate
    EXCLUDE USING gist (person_id WITH =, from_organisation_id WITH =, to_organisation_id WITH =, purpose WITH =,
                        consent_scope_key(scope) WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
    WHERE (withdrawn_at IS NULL);
