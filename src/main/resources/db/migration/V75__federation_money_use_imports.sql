-- Module federation, money: an import of the programmes' use per quarter (xlsx or CSV). The file is kept only until
-- it is confirmed or discarded; the record of the import stays.
CREATE TABLE federation_money_import (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    federation_id      bigint NOT NULL REFERENCES organisation (id),
    file_name          text NOT NULL,
    content            bytea,
    content_sha256     text NOT NULL,
    state              text NOT NULL CHECK (state IN ('PREVIEWED', 'CONFIRMED', 'DISCARDED')),
    rows_total         int NOT NULL DEFAULT 0,
    rows_new           int NOT NULL DEFAULT 0,
    rows_changed       int NOT NULL DEFAULT 0,
    rows_unchanged     int NOT NULL DEFAULT 0,
    rows_with_errors   int NOT NULL DEFAULT 0,
    uploaded_by        bigint NOT NULL REFERENCES user_account (id),
    uploaded_at        timestamptz NOT NULL DEFAULT now(),
    confirmed_by       bigint REFERENCES user_account (id),
    confirmed_at       timestamptz,
    CHECK (state = 'PREVIEWED' OR content IS NULL)
);
CREATE INDEX federation_money_import_federation ON federation_money_import (federation_id, uploaded_at DESC);

ALTER TABLE federation_use
    ADD CONSTRAINT federation_money_use_import FOREIGN KEY (import_id) REFERENCES federation_money_import (id);
