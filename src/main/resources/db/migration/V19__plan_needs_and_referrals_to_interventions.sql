-- The young person's needs as the case worker records them on the plan (codes from the intervention catalogue's
-- list of needs, module 4), used to propose interventions ("Hitta insats"); they belong to the plan and its access
-- rules, never to the KAA register.
CREATE TABLE plan_need (
    plan_id     uuid NOT NULL REFERENCES plan (id),
    need_code   text NOT NULL REFERENCES need (code),
    recorded_by bigint NOT NULL REFERENCES user_account (id),
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (plan_id, need_code)
);

-- A referral may be to an intervention in the catalogue; the name is kept as text too, as the catalogue changes.
ALTER TABLE referral ADD COLUMN intervention_id bigint REFERENCES intervention (id);
CREATE INDEX referral_intervention ON referral (intervention_id) WHERE intervention_id IS NOT NULL;
