-- Issue 23, secrecy inside one municipality: a unit carries its nämnd (committee, each its own authority,
-- offentlighets- och sekretesslagen 8 kap. 1 §) and its verksamhetsgren (line of work, secrecy between independent
-- lines of one authority, 8 kap. 2 §). An organisation none of whose units has a line of work is one secrecy
-- domain, as before (AF, FK, a förbund). '' is "no nämnd named".
ALTER TABLE organisation_unit
    ADD COLUMN committee    text NOT NULL DEFAULT '',
    ADD COLUMN line_of_work text CHECK (line_of_work IN ('UTBILDNING_KAA', 'SOCIALTJANST', 'ARBETSMARKNAD',
                                                         'HALSO_OCH_SJUKVARD', 'ANNAN'));

CREATE INDEX organisation_unit_with_line ON organisation_unit (organisation_id) WHERE line_of_work IS NOT NULL;

CREATE OR REPLACE VIEW organisation_unit_directory AS
SELECT id, organisation_id, name, committee, line_of_work
  FROM organisation_unit;

COMMENT ON VIEW organisation_unit_directory IS
    'Published read view of the organisation module: the units of each organisation, with the nämnd and the line of '
    'work that draw their secrecy boundary (null line: none).';
