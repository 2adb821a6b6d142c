-- Module federation (issue 24): applications for the förbund's money (ansökningar) and the officer's proposals
-- (förslag till beslut). A submitted application is never edited; the lead may withdraw it before a decision. Its
-- status is derived from what follows it (proposals, agenda items, decisions; V73), never stored apart from them.

CREATE TABLE federation_application (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    federation_id          bigint NOT NULL REFERENCES organisation (id),
    applicant_id           bigint NOT NULL REFERENCES organisation (id),
    kind                   text NOT NULL CHECK (kind IN ('PROGRAMME', 'STRUCTURAL')),
    -- PROGRAMME: an existing Finsam programme of the förbund, or a new one named here; STRUCTURAL: neither
    programme_id           bigint REFERENCES federation_programme (programme_id),
    new_programme_name     text CHECK (new_programme_name IS NULL OR length(trim(new_programme_name)) > 0),
    title                  text NOT NULL CHECK (length(trim(title)) > 0),
    purpose                text NOT NULL CHECK (length(trim(purpose)) > 0),
    goals                  text NOT NULL CHECK (length(trim(goals)) > 0),
    period_from            date NOT NULL,
    period_to              date NOT NULL,
    submitted_by           bigint NOT NULL REFERENCES user_account (id),
    submitted_at           timestamptz NOT NULL DEFAULT now(),
    withdrawn_by           bigint REFERENCES user_account (id),
    withdrawn_at           timestamptz,
    CHECK (period_to >= period_from),
    CHECK (federation_id <> applicant_id),
    CHECK (kind = 'PROGRAMME' AND (programme_id IS NULL) <> (new_programme_name IS NULL)
        OR kind = 'STRUCTURAL' AND programme_id IS NULL AND new_programme_name IS NULL),
    CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL))
);
CREATE INDEX federation_application_federation ON federation_application (federation_id, submitted_at);
CREATE INDEX federation_application_applicant ON federation_application (applicant_id, submitted_at);
CREATE INDEX federation_application_programme ON federation_application (programme_id);

-- The budget applied for, per year.
CREATE TABLE federation_application_budget (
    application_id bigint NOT NULL REFERENCES federation_application (id),
    year           int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount         numeric(14, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (application_id, year)
);

-- The participating parties (the applicant among them) and what each commits (free text, optionally an amount).
CREATE TABLE federation_application_party (
    application_id    bigint NOT NULL REFERENCES federation_application (id),
    organisation_id   bigint NOT NULL REFERENCES organisation (id),
    commitment        text,
    commitment_amount numeric(14, 2) CHECK (commitment_amount >= 0),
    PRIMARY KEY (application_id, organisation_id)
);
CREATE INDEX federation_application_party_organisation ON federation_application_party (organisation_id);

-- The officer's proposal on an application: a new one follows an old one (supersedes_id), none is edited.
CREATE TABLE federation_proposal (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id bigint NOT NULL REFERENCES federation_application (id),
    outcome        text NOT NULL CHECK (outcome IN ('GRANTED', 'PARTLY_GRANTED', 'REFUSED', 'POSTPONED')),
    amount         numeric(14, 2) CHECK (amount > 0),
    reasoning      text NOT NULL CHECK (length(trim(reasoning)) > 0),
    supersedes_id  bigint UNIQUE REFERENCES federation_proposal (id),
    proposed_by    bigint NOT NULL REFERENCES user_account (id),
    proposed_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((outcome IN ('GRANTED', 'PARTLY_GRANTED')) = (amount IS NOT NULL))
);
CREATE INDEX federation_proposal_application ON federation_proposal (application_id, id);
-- one first proposal per application; every later one names the one it follows
CREATE UNIQUE INDEX federation_proposal_first ON federation_proposal (application_id) WHERE supersedes_id IS NULL;

-- Kept as submitted and as proposed: no role, the application's included, updates or deletes these rows, except the
-- withdrawal (withdrawn_by, withdrawn_at set once, nothing else changed).
CREATE FUNCTION federation_application_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- nested: PL/pgSQL does not promise to stop at the first false condition, and the other tables have no such field
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'federation_application' THEN
        IF to_jsonb(OLD) ->> 'withdrawn_at' IS NULL AND to_jsonb(NEW) ->> 'withdrawn_at' IS NOT NULL
           AND (to_jsonb(NEW) - 'withdrawn_by' - 'withdrawn_at') = (to_jsonb(OLD) - 'withdrawn_by' - 'withdrawn_at') THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION '% is kept as submitted: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER federation_application_kept BEFORE UPDATE OR DELETE ON federation_application
    FOR EACH ROW EXECUTE FUNCTION federation_application_refuse_change();
CREATE TRIGGER federation_application_budget_kept BEFORE UPDATE OR DELETE ON federation_application_budget
    FOR EACH ROW EXECUTE FUNCTION federation_application_refuse_change();
CREATE TRIGGER federation_application_party_kept BEFORE UPDATE OR DELETE ON federation_application_party
    FOR EACH ROW EXECUTE FUNCTION federation_application_refuse_change();
CREATE TRIGGER federation_proposal_kept BEFORE UPDATE OR DELETE ON federation_proposal
    FOR EACH ROW EXECUTE FUNCTION federation_application_refuse_change();
