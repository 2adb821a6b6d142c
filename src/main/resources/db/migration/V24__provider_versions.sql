-- Every change of a provider (utförare) is kept, as for interventions: who, when, which fields, the whole content.
CREATE TABLE provider_version (
    provider_id    bigint NOT NULL REFERENCES provider (id),
    version        integer NOT NULL,
    changed_by     bigint NOT NULL REFERENCES user_account (id),
    changed_at     timestamptz NOT NULL DEFAULT now(),
    changed_fields text[] NOT NULL,
    content        jsonb NOT NULL,
    PRIMARY KEY (provider_id, version)
);

-- the providers saved before this migration: their present state, as saved last (what changed before is not known)
INSERT INTO provider_version (provider_id, version, changed_by, changed_at, changed_fields, content)
SELECT id, version, updated_by, updated_at, '{}',
       jsonb_build_object('organisationId', organisation_id, 'unitId', unit_id, 'name', name, 'partyType', party_type,
                          'contactName', contact_name, 'phone', phone, 'email', email, 'address', address,
                          'openingHours', opening_hours)
  FROM provider;
