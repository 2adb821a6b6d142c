-- Architecture (issue 21): other modules read organisations, units and staff names through these views, never
-- through organisation, organisation_unit or user_account: a login name or password hash is never theirs to read.
CREATE VIEW organisation_directory AS
SELECT id, name, party_type, municipality_code, county_code
  FROM organisation;

COMMENT ON VIEW organisation_directory IS
    'Published read view of the organisation module: every organisation with its party type and home municipality.';

CREATE VIEW organisation_unit_directory AS
SELECT id, organisation_id, name
  FROM organisation_unit;

COMMENT ON VIEW organisation_unit_directory IS
    'Published read view of the organisation module: the units of each organisation.';

CREATE VIEW organisation_staff AS
SELECT id, organisation_id, unit_id, display_name, role, active
  FROM user_account;

COMMENT ON VIEW organisation_staff IS
    'Published read view of the organisation module: a user as other modules show them (name, organisation, role), '
    'without login name or password.';
