-- Module federation, money (issue 24 item 5): what a programme is budgeted, granted, paid out, used and returns, and
-- the förbund's own annual budget. Amounts in SEK with öre. Years are budget years (calendar years).

-- A programme's budget for one year from one funder: one of its funders (federation_programme_funder) or one named
-- here. One line per programme, year and funder (checked by the service).
CREATE TABLE federation_budget_line (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id  bigint NOT NULL REFERENCES federation_programme (programme_id),
    year          int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    funder_id     bigint REFERENCES federation_programme_funder (id),
    funder_name   text,
    amount        numeric(14, 2) NOT NULL CHECK (amount >= 0),
    created_by    bigint NOT NULL REFERENCES user_account (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (funder_id IS NOT NULL OR length(trim(funder_name)) > 0)
);
CREATE INDEX federation_money_budget_line_programme ON federation_budget_line (programme_id, year);

-- The board's grant, booked from the event GrantDecided in the deciding transaction: for a programme, or for a
-- structural activity (programme_id null, application_id names it). decision_id is the decision's id in the
-- decisions feature; one booking per decision and year, so a repeated event books nothing.
CREATE TABLE federation_grant (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    federation_id   bigint NOT NULL REFERENCES organisation (id),
    decision_id     bigint NOT NULL,
    application_id  bigint NOT NULL,
    programme_id    bigint REFERENCES federation_programme (programme_id),
    year            int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    amount          numeric(14, 2) NOT NULL CHECK (amount >= 0),
    decided_on      date NOT NULL,
    booked_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (decision_id, year)
);
CREATE INDEX federation_money_grant_federation ON federation_grant (federation_id, year);
CREATE INDEX federation_money_grant_programme ON federation_grant (programme_id, year);

-- Money paid out to the programme (utbetalt).
CREATE TABLE federation_payment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id  bigint NOT NULL REFERENCES federation_programme (programme_id),
    paid_on       date NOT NULL,
    amount        numeric(14, 2) NOT NULL CHECK (amount > 0),
    note          text,
    created_by    bigint NOT NULL REFERENCES user_account (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_money_payment_programme ON federation_payment (programme_id, paid_on);

-- What the programme used (förbrukat) in one quarter; entered again (by hand or by an import) it is corrected.
CREATE TABLE federation_use (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id  bigint NOT NULL REFERENCES federation_programme (programme_id),
    year          int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter       int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    amount        numeric(14, 2) NOT NULL CHECK (amount >= 0),
    import_id     uuid,
    version       int NOT NULL DEFAULT 0,
    entered_by    bigint NOT NULL REFERENCES user_account (id),
    entered_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_id, year, quarter)
);

-- Money the programme gave back to the förbund (återfört), with the reason.
CREATE TABLE federation_return (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id  bigint NOT NULL REFERENCES federation_programme (programme_id),
    returned_on   date NOT NULL,
    amount        numeric(14, 2) NOT NULL CHECK (amount > 0),
    reason        text NOT NULL CHECK (length(trim(reason)) > 0),
    created_by    bigint NOT NULL REFERENCES user_account (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_money_return_programme ON federation_return (programme_id, returned_on);

-- The förbund's budget for a year (the annual plan's budget): the total, and per area (free text such as
-- "Individinriktade insatser", "Strukturövergripande insatser", "Kansli"); the areas add up to at most the total.
CREATE TABLE federation_annual_budget (
    federation_id  bigint NOT NULL REFERENCES organisation (id),
    year           int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    total          numeric(14, 2) NOT NULL CHECK (total >= 0),
    version        int NOT NULL DEFAULT 0,
    updated_by     bigint NOT NULL REFERENCES user_account (id),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (federation_id, year)
);

CREATE TABLE federation_annual_budget_area (
    federation_id  bigint NOT NULL,
    year           int NOT NULL,
    position       int NOT NULL,
    area           text NOT NULL CHECK (length(trim(area)) > 0),
    amount         numeric(14, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (federation_id, year, position),
    FOREIGN KEY (federation_id, year) REFERENCES federation_annual_budget (federation_id, year)
);
