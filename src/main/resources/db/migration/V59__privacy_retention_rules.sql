-- Gallring: each organisation's retention rules, one per register (PersonalDataHolder.register()) and kind of record.
-- A rule keeps the records for a number of months after the event it names (the episode closed, the plan closed, the
-- last activity); it must state its legal basis (the provision or the organisation's gallringsbeslut), and whether an
-- archive package is made before removal (arkivlagen, the organisation's rules). Where an organisation has set no rule,
-- Lots' default for the register applies (se.lots.privacy.retention.RetentionDefaults, shown with its source).
-- The organisation and the user are ids without foreign keys: they are the organisation module's tables.
CREATE TABLE privacy_retention_rule (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id  bigint NOT NULL,
    register         text NOT NULL,
    record_kind      text NOT NULL,
    keep_months      int NOT NULL CHECK (keep_months BETWEEN 0 AND 1200),
    counted_from     text NOT NULL CHECK (counted_from IN ('EPISODE_CLOSED', 'PLAN_CLOSED', 'LAST_ACTIVITY')),
    legal_basis      text NOT NULL CHECK (btrim(legal_basis) <> ''),
    archive_first    boolean NOT NULL,
    set_by           bigint NOT NULL,
    set_by_name      text NOT NULL,
    set_at           timestamptz NOT NULL,
    version          int NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, register, record_kind)
);
