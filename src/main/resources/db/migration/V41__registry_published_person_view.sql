-- Architecture (issue 21): other modules read a young person through this view, never through young_person, so
-- that the registry can change its table (search columns, audit columns) without breaking them. The view is the
-- registry's published read model: its columns are a contract, documented in docs/architecture.md.
CREATE VIEW registry_person AS
SELECT id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_date, birth_year,
       gender, municipality_code, protected_identity, street, postal_code, city, phone, email, preferred_language,
       interpreter_needed, guardian_name, guardian_phone, guardian_email, owner_organisation_id
  FROM young_person;

COMMENT ON VIEW registry_person IS
    'Published read view of the registry: a young person as other modules may read them (no search or audit columns).';
