-- A foreign key to municipality (an episode's school municipality, a person's home municipality) is checked, for
-- every row written, by a query PostgreSQL plans for the table's size. The 290 municipalities fit in four pages,
-- so it read the whole table instead of its primary key: 12 µs a row, four times any other foreign key, 1.2 s of
-- a 100 000-row KAA import (docs/benchmarks.md). Spread over more pages, the table is checked by its index (3.7 µs).
-- The table never grows: the codes are reference data.
ALTER TABLE municipality SET (fillfactor = 10);
CLUSTER municipality USING municipality_pkey;
ANALYZE municipality;
