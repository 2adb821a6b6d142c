-- Gallringskörning: the approved retention run. An administrator freezes the dry run of one day into a run (the rules
-- as they applied, with their legal basis, archive flag and version, and what each register's rule found due per
-- table); another administrator of the organisation approves it; then it is executed in one transaction, which
-- recounts with the frozen rules and day and refuses when anything differs (nothing removed), archives where a rule
-- asks for it, removes, and records here what was removed. PREPARED -> APPROVED -> DONE, or REFUSED / FAILED with the
-- reason (a message key and, for a failure, the error). A failed or refused run stays as history; a new one is prepared.
-- The organisation and the users are ids without foreign keys: they are the organisation module's tables.
CREATE TABLE privacy_retention_run (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id   bigint NOT NULL,
    run_day           date NOT NULL,
    status            text NOT NULL CHECK (status IN ('PREPARED', 'APPROVED', 'DONE', 'REFUSED', 'FAILED')),
    prepared_by       bigint NOT NULL,
    prepared_by_name  text NOT NULL,
    prepared_at       timestamptz NOT NULL,
    approved_by       bigint,
    approved_by_name  text,
    approved_at       timestamptz,
    executed_by       bigint,
    executed_by_name  text,
    executed_at       timestamptz,
    reason_key        text,
    reason_detail     text,
    forgotten_persons int,
    archive_reference text,
    version           int NOT NULL DEFAULT 0,
    CHECK (status = 'PREPARED' OR status = 'FAILED' OR status = 'REFUSED' OR approved_by IS NOT NULL),
    CHECK (approved_by IS NULL OR approved_by <> prepared_by),
    CHECK (status NOT IN ('REFUSED', 'FAILED') OR reason_key IS NOT NULL)
);
CREATE INDEX privacy_retention_run_organisation ON privacy_retention_run (organisation_id, prepared_at DESC);

-- One line per register's rule as it applied when the run was prepared (the snapshot), in the page's order.
-- due_persons is null where the register has no eraser (nothing of it is removed by the run).
CREATE TABLE privacy_retention_run_line (
    run_id          uuid NOT NULL REFERENCES privacy_retention_run (id) ON DELETE CASCADE,
    position        int NOT NULL,
    register        text NOT NULL,
    record_kind     text NOT NULL,
    keep_months     int NOT NULL,
    counted_from    text NOT NULL,
    legal_basis     text NOT NULL CHECK (btrim(legal_basis) <> ''),
    archive_first   boolean NOT NULL,
    own_rule        boolean NOT NULL,
    rule_version    int,
    due_persons     bigint,
    removed_persons bigint,
    PRIMARY KEY (run_id, position),
    UNIQUE (run_id, register, record_kind)
);

-- Per register and table: the rows the dry run found due, and the rows the run removed.
CREATE TABLE privacy_retention_run_table (
    run_id       uuid NOT NULL,
    position     int NOT NULL,
    table_order  int NOT NULL,
    table_name   text NOT NULL,
    due_rows     bigint NOT NULL,
    removed_rows bigint,
    PRIMARY KEY (run_id, position, table_order),
    FOREIGN KEY (run_id, position) REFERENCES privacy_retention_run_line (run_id, position) ON DELETE CASCADE
);
