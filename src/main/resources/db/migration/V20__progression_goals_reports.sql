-- Progression: programme goals as indicators Lots computes from its own data, and the programme lead's free text
-- for the funder's report of a period.

CREATE TABLE programme_goal (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id  bigint NOT NULL REFERENCES programme (id),
    indicator     text NOT NULL CHECK (indicator IN ('DISCHARGED_WITH_PLAN', 'PLAN_WITHIN_MONTHS', 'PARTICIPANTS',
                                                     'DISCHARGED_TO_WORK_OR_STUDIES', 'CONTACTS_PER_WEEK')),
    -- parameters of PLAN_WITHIN_MONTHS: the age band (age at enrolment) and the months from enrolment
    age_from      int CHECK (age_from BETWEEN 0 AND 120),
    age_to        int CHECK (age_to BETWEEN 0 AND 120),
    within_months int CHECK (within_months BETWEEN 1 AND 60),
    -- a share in per cent, a number of participants, or contacts per participant-week
    target        numeric(8, 2) NOT NULL CHECK (target >= 0),
    created_by    bigint NOT NULL REFERENCES user_account (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_goal_programme ON programme_goal (programme_id, id);

CREATE TABLE programme_report_text (
    programme_id bigint NOT NULL REFERENCES programme (id),
    period_from  date NOT NULL,
    period_to    date NOT NULL,
    equality     text,
    lessons      text,
    updated_by   bigint NOT NULL REFERENCES user_account (id),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, period_from, period_to),
    CHECK (period_to >= period_from)
);

-- the report and the goals read a programme's enrolments by start date
CREATE INDEX IF NOT EXISTS enrolment_programme_started ON enrolment (programme_id, started_on);
-- movements out of a programme: the enrolment that continued the one that ended as OVERFORD
CREATE INDEX IF NOT EXISTS enrolment_transferred_from ON enrolment (transferred_from) WHERE transferred_from IS NOT NULL;
