-- Issue 23 item 2 (gallring): a meeting's organisations and a referral name the consent they were shared under
-- (meeting_organisation.consent_id, referral.consent_id refer to consent). The consent register keeps a consent
-- while a plan record that was shared under it is kept (it shows the disclosure's lawful basis, GDPR art. 7.1 and
-- 5.2), and reads here which ones are, never plan's tables.
CREATE VIEW plan_consent_use AS
SELECT consent_id FROM meeting_organisation WHERE consent_id IS NOT NULL
UNION ALL
SELECT consent_id FROM referral WHERE consent_id IS NOT NULL;

COMMENT ON VIEW plan_consent_use IS
    'Published read view of the plan module: the consents that plan''s records (a meeting''s organisations, a '
    'referral) were shared under, one row per use; the consent register keeps a consent while it is used here.';
