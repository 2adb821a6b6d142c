-- Progression & follow-up: SUS-compatible start and end registrations, configurable progression instruments with
-- assessments over time, and a ladder of step movements (stegförflyttningar).

-- Reference data: the SUS categories with the guidance shown as help text in the form.
CREATE TABLE occupation_category (
    code           text PRIMARY KEY,
    sort_order     int NOT NULL,
    label_sv       text NOT NULL,
    label_en       text NOT NULL,
    help_sv        text,
    help_en        text,
    -- the position on the step ladder this occupation corresponds to, used to derive a step movement
    ladder_position int
);
INSERT INTO occupation_category VALUES
 ('ARBETAR', 1, 'Arbetar', 'Working',
  'Anställning, även subventionerad, eller eget företag. Ange omfattningen i procent av 40 timmar i veckan.',
  'Employment, also subsidised, or own business. Give the extent in per cent of 40 hours a week.', 7),
 ('STUDERAR', 2, 'Studerar', 'Studying',
  'Studier på gymnasium, komvux, folkhögskola, högskola. Arbetsmarknadsutbildning räknas som studier.',
  'Upper secondary school, adult education, folk high school, university. Labour market training counts as studies.', 7),
 ('ARBETSSOKANDE', 3, 'Arbetssökande', 'Job seeker',
  'Söker arbete, med eller utan inskrivning på Arbetsförmedlingen.', 'Looking for work, registered at the Public Employment Service or not.', 4),
 ('SJUKSKRIVEN', 4, 'Sjukskriven', 'On sick leave', 'Sjukskriven på hel- eller deltid.', 'On full- or part-time sick leave.', 2),
 ('FORALDRALEDIG', 5, 'Föräldraledig', 'On parental leave', NULL, NULL, NULL),
 ('INGEN_SYSSELSATTNING', 6, 'Ingen sysselsättning', 'No occupation', 'Varken arbetar, studerar eller söker arbete.',
  'Neither working, studying nor looking for work.', 2),
 ('ANNAN', 7, 'Annan sysselsättning', 'Other occupation', 'T.ex. praktik, daglig verksamhet eller rehabilitering.',
  'E.g. work placement, daily activity or rehabilitation.', NULL);

CREATE TABLE income_source_category (
    code       text PRIMARY KEY,
    sort_order int NOT NULL,
    label_sv   text NOT NULL,
    label_en   text NOT NULL
);
INSERT INTO income_source_category VALUES
 ('LON', 1, 'Lön', 'Salary'),
 ('A_KASSA', 2, 'A-kassa', 'Unemployment insurance'),
 ('AKTIVITETSSTOD', 3, 'Aktivitetsstöd/utvecklingsersättning', 'Activity support/development allowance'),
 ('SJUKPENNING', 4, 'Sjukpenning', 'Sickness benefit'),
 ('SJUK_ELLER_AKTIVITETSERSATTNING', 5, 'Sjuk- eller aktivitetsersättning', 'Sickness or activity compensation'),
 ('EKONOMISKT_BISTAND', 6, 'Ekonomiskt bistånd/försörjningsstöd', 'Social assistance'),
 ('ETABLERINGSERSATTNING', 7, 'Etableringsersättning', 'Establishment allowance'),
 ('STUDIEMEDEL', 8, 'Studiemedel', 'Student finance'),
 ('FORALDRARS_FORSORJNING', 9, 'Föräldrarnas försörjning', 'Supported by parents'),
 ('INGEN_OFFENTLIG', 10, 'Ingen offentlig försörjning', 'No public support'),
 ('ANNAN', 11, 'Annan försörjning', 'Other income');

CREATE TABLE education_level_category (
    code       text PRIMARY KEY,
    sort_order int NOT NULL,
    label_sv   text NOT NULL,
    label_en   text NOT NULL
);
INSERT INTO education_level_category VALUES
 ('FORGYMNASIAL', 1, 'Förgymnasial utbildning', 'Below upper secondary'),
 ('GYMNASIAL', 2, 'Gymnasial utbildning', 'Upper secondary'),
 ('EFTERGYMNASIAL', 3, 'Eftergymnasial utbildning', 'Post-secondary'),
 ('OKAND', 4, 'Okänd', 'Unknown');

-- A participant in a programme as follow-up counts them. An identified participant points at the enrolment (and
-- through it at the person); an anonymous one (no consent to registration, protected identity, or a gender SUS
-- cannot register) has no enrolment and no person: only gender, birth year and municipality, kept for statistics.
CREATE TABLE participant (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    programme_id      bigint NOT NULL REFERENCES programme (id),
    organisation_id   bigint NOT NULL REFERENCES organisation (id),
    enrolment_id      uuid UNIQUE REFERENCES enrolment (id),
    anonymous_reason  text CHECK (anonymous_reason IN ('INGET_SAMTYCKE', 'SKYDDAD_IDENTITET', 'KON_EJ_I_SUS')),
    gender            text NOT NULL CHECK (gender IN ('KVINNA', 'MAN', 'ANNAT', 'VILL_EJ_UPPGE')),
    birth_year        int NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
    municipality_code char(4) REFERENCES municipality (code),
    started_on        date NOT NULL,
    ended_on          date,
    created_by        bigint NOT NULL REFERENCES user_account (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((enrolment_id IS NULL) = (anonymous_reason IS NOT NULL)),
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
-- the funder's report (later) counts a programme's participants by period
CREATE INDEX participant_programme_period ON participant (programme_id, started_on, ended_on);

-- That an enrolment was registered anonymously, deliberately without saying which participant row it became.
CREATE TABLE anonymous_enrolment (
    enrolment_id  uuid PRIMARY KEY REFERENCES enrolment (id),
    registered_at timestamptz NOT NULL DEFAULT now()
);

-- A measurement point: START at enrolment, SLUT at discharge (SUS "inskrivning" and "avslut").
CREATE TABLE registration (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    participant_id   uuid NOT NULL REFERENCES participant (id),
    kind             text NOT NULL CHECK (kind IN ('START', 'SLUT')),
    measured_on      date NOT NULL,
    occupation       text NOT NULL REFERENCES occupation_category (code),
    work_extent      int CHECK (work_extent BETWEEN 1 AND 100),
    education_level  text NOT NULL REFERENCES education_level_category (code),
    registered_at_af boolean NOT NULL,
    created_by       bigint NOT NULL REFERENCES user_account (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       bigint REFERENCES user_account (id),
    updated_at       timestamptz,
    version          int NOT NULL DEFAULT 0,
    UNIQUE (participant_id, kind),
    CHECK ((occupation = 'ARBETAR') = (work_extent IS NOT NULL))
);
CREATE INDEX registration_kind_measured ON registration (kind, measured_on);

CREATE TABLE registration_income (
    registration_id uuid NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    income_source   text NOT NULL REFERENCES income_source_category (code),
    PRIMARY KEY (registration_id, income_source)
);

-- Progression instruments are configuration: an instrument with items, each on its own scale.
CREATE TABLE instrument (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description     text,
    total_rule      text NOT NULL CHECK (total_rule IN ('SUM', 'MEAN')),
    cut_off         numeric(8, 2),
    reliable_change numeric(8, 2) CHECK (reliable_change > 0),
    higher_is_better boolean NOT NULL DEFAULT true,
    active          boolean NOT NULL DEFAULT true,
    version         int NOT NULL DEFAULT 0
);

CREATE TABLE instrument_item (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instrument_id bigint NOT NULL REFERENCES instrument (id),
    position      int NOT NULL,
    label         text NOT NULL CHECK (length(trim(label)) > 0),
    scale_min     numeric(8, 2) NOT NULL,
    scale_max     numeric(8, 2) NOT NULL,
    scale_step    numeric(8, 2) NOT NULL CHECK (scale_step > 0),
    min_label     text,
    max_label     text,
    rater         text NOT NULL CHECK (rater IN ('DEN_UNGE', 'HANDLAGGARE', 'BADA')),
    UNIQUE (instrument_id, position),
    CHECK (scale_max > scale_min)
);

CREATE TABLE assessment (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    participant_id uuid NOT NULL REFERENCES participant (id),
    instrument_id  bigint NOT NULL REFERENCES instrument (id),
    rater          text NOT NULL CHECK (rater IN ('DEN_UNGE', 'HANDLAGGARE')),
    assessed_on    date NOT NULL,
    total          numeric(8, 2) NOT NULL,
    created_by     bigint NOT NULL REFERENCES user_account (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_series ON assessment (participant_id, instrument_id, rater, assessed_on);

CREATE TABLE assessment_score (
    assessment_id uuid NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    item_id       bigint NOT NULL REFERENCES instrument_item (id),
    score         numeric(8, 2) NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
);

-- The examples shipped: generic, not the licensed ORS/SRS forms (see docs/progression.md).
INSERT INTO instrument (name, description, total_rule, cut_off, reliable_change) VALUES
 ('Skattning av mående (ORS-liknande)',
  'Fyra frågor om hur den unge mår, var och en 0–10. Summa 0–40; under 25 räknas som belastat läge, en skillnad på minst 5 som tillförlitlig förändring.',
  'SUM', 25, 5),
 ('Arbetsförberedande indikatorer (BIP-liknande)',
  'Indikatorer på arbetsförmåga som både den unge och handläggaren skattar, 1–5. Medelvärde; en skillnad på minst 0,5 räknas som förändring.',
  'MEAN', NULL, 0.5);
INSERT INTO instrument_item (instrument_id, position, label, scale_min, scale_max, scale_step, min_label, max_label, rater)
SELECT i.id, v.position, v.label, 0, 10, 1, 'Mycket dåligt', 'Mycket bra', 'DEN_UNGE'
  FROM instrument i, (VALUES (1, 'Hur jag mår själv'), (2, 'Nära relationer'), (3, 'Socialt: skola, arbete, vänner'),
                             (4, 'Övergripande')) AS v(position, label)
 WHERE i.name = 'Skattning av mående (ORS-liknande)';
INSERT INTO instrument_item (instrument_id, position, label, scale_min, scale_max, scale_step, min_label, max_label, rater)
SELECT i.id, v.position, v.label, 1, 5, 1, 'Stämmer inte alls', 'Stämmer helt', 'BADA'
  FROM instrument i, (VALUES (1, 'Jobbmotivation'), (2, 'Självtillit'), (3, 'Sociala färdigheter'),
                             (4, 'Förmåga att hantera problem'), (5, 'Jobbsökarfärdigheter'),
                             (6, 'Förmåga att följa en rutin')) AS v(position, label)
 WHERE i.name = 'Arbetsförberedande indikatorer (BIP-liknande)';

-- Stegförflyttningar: an ordered ladder the administrator keeps, and movements on it.
CREATE TABLE ladder_step (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position    int NOT NULL UNIQUE CHECK (position > 0),
    label       text NOT NULL CHECK (length(trim(label)) > 0),
    description text
);
INSERT INTO ladder_step (position, label, description) VALUES
 (1, 'Ingen kontakt', 'Den unge är inte i kontakt med någon verksamhet.'),
 (2, 'Kontakt etablerad', 'Den unge har kontakt, t.ex. genom uppsökande arbete, men ingen planering.'),
 (3, 'Kartläggning och planering', 'En handlingsplan tas fram.'),
 (4, 'Aktiv i insats', 'Deltar regelbundet i insats eller söker arbete aktivt.'),
 (5, 'Praktik eller arbetsträning', NULL),
 (6, 'Förberedd för arbete eller studier', 'Redo att ta ett arbete eller börja studera.'),
 (7, 'Arbete/studier', 'Arbetar eller studerar.');

CREATE TABLE step_movement (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    participant_id  uuid NOT NULL REFERENCES participant (id),
    moved_on        date NOT NULL,
    from_position   int NOT NULL,
    to_position     int NOT NULL,
    note            text,
    -- true when derived from the START and SLUT occupations; replaced when either changes
    derived         boolean NOT NULL DEFAULT false,
    created_by      bigint NOT NULL REFERENCES user_account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (from_position <> to_position)
);
CREATE INDEX step_movement_participant ON step_movement (participant_id, moved_on);
CREATE UNIQUE INDEX step_movement_one_derived ON step_movement (participant_id) WHERE derived;
