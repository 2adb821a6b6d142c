-- The free-text search's word forms (search_vector @@ plainto_tsquery) go through this GIN index. With fastupdate
-- (the default) new and changed rows wait in the index's pending list until a vacuum, and every search reads the
-- whole pending list: after the benchmark's 20 000 interventions the lookup took 21–24 ms instead of 4–6 ms until
-- autovacuum came (docs/benchmarks.md). The catalogue is written seldom and read on every search, so writes pay
-- instead: each change goes straight into the index.
ALTER INDEX intervention_search_vector SET (fastupdate = off);
SELECT gin_clean_pending_list('intervention_search_vector'::regclass);
