-- Name search, take two (measured in docs/benchmarks.md):
-- * search_name holds the lower-cased full name, computed by the application (Java lower-cases Å, Ä, Ö; the
--   database's C locale does not, so lower() in SQL never found "Åkesson" by "åkesson").
-- * the owner index covers the sort order including id and carries search_name, so a search with very many hits
--   walks it in name order without visiting the table (an index-only scan) and fetches only the page.

ALTER TABLE young_person ADD COLUMN search_name text;

UPDATE young_person
   SET search_name = translate(lower(first_name || ' ' || last_name), 'ÅÄÖÉÈÜÆØ', 'åäöéèüæø')
 WHERE first_name IS NOT NULL;

DROP INDEX young_person_name_trgm;
CREATE INDEX young_person_search_name_trgm ON young_person USING gin (search_name gin_trgm_ops);

DROP INDEX young_person_owner;
CREATE INDEX young_person_owner_name ON young_person (owner_organisation_id, last_name, first_name, id)
    INCLUDE (search_name);
