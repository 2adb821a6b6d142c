-- Architecture (issue 21): other modules read SCB's municipality names through this view.
CREATE VIEW reference_municipality AS
SELECT code, name, short_name, county_code
  FROM municipality;

COMMENT ON VIEW reference_municipality IS
    'Published read view of the reference data: SCB''s municipalities with their county.';
