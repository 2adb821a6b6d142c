-- Gallring (issue 23): removing a consent makes PostgreSQL check that no meeting organisation and no referral still
-- refers to it (the foreign keys of V14), and the consent register asks the same through plan_consent_use (V65).
-- Without an index that leads with consent_id each check scans the whole referring table, once per removed consent.
-- Partial indexes: most meeting organisations (the holder itself) and many referrals carry no consent.
CREATE INDEX meeting_organisation_consent ON meeting_organisation (consent_id) WHERE consent_id IS NOT NULL;
CREATE INDEX referral_consent ON referral (consent_id) WHERE consent_id IS NOT NULL;

-- Removing a KAA episode checks the moves that opened it (kaa_move.closed_episode_id is UNIQUE, so indexed already).
CREATE INDEX kaa_move_opened_episode ON kaa_move (opened_episode_id) WHERE opened_episode_id IS NOT NULL;
