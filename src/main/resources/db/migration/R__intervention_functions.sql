-- The intervention module's database functions, one current definition each (issue 21). Flyway runs this file again
-- whenever it changes: a function is changed here, never in a new versioned migration.

-- catalogue_changed: called by the statement triggers on intervention, intervention_need, intervention_municipality,
-- provider and need (V22) after every write to the catalogue. It moves catalogue_change's stamp, so that the search's
-- in-memory index (CatalogueIndex) and the public page's cache can tell with one tiny read whether what they hold is
-- still the catalogue, whoever wrote: the forms, the xlsx import, psql, a second instance of Lots. The stamp comes from
-- a sequence, which is not rolled back, so equal stamps mean the same catalogue.
CREATE OR REPLACE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_change SET stamp = nextval('catalogue_change_stamp');
    RETURN NULL;
END
$$;
