-- Module 4: a stamp that changes with every write to the catalogue's tables, so that the search's in-memory
-- index (InterventionSearch / CatalogueIndex) and the public page's cache can tell with one tiny read whether what
-- they hold is still the catalogue. Set by statement triggers, so every writer is covered: the forms, the xlsx
-- import, other modules, psql, a second instance of Lots. The value comes from a sequence, which is not rolled
-- back: a stamp written by a transaction that was rolled back is never seen again, so equal stamps mean the same
-- catalogue. (Occupancy counted from enrolments is not covered: the search reads it live.)
CREATE SEQUENCE catalogue_change_stamp;

CREATE TABLE catalogue_change (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    stamp    bigint NOT NULL
);
INSERT INTO catalogue_change (stamp) VALUES (nextval('catalogue_change_stamp'));

CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalogue_change SET stamp = nextval('catalogue_change_stamp');
    RETURN NULL;
END
$$;

CREATE TRIGGER intervention_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON intervention
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER intervention_need_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON intervention_need
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER intervention_municipality_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON intervention_municipality FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER provider_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER need_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON need
    FOR EACH STATEMENT EXECUTE FUNCTION catalogue_changed();
