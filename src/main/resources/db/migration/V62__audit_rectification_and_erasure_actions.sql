-- A rectification (rättelse, GDPR art. 16) and a decided request for erasure (radering, art. 17) are audit actions of
-- their own (issue 23, item 2), so the auditor can filter them apart from plain updates: a rectification's detail keeps
-- the value before and after, an erasure's the case number and what was removed (never whom, once the person is
-- forgotten). Only the list of allowed actions changes: the hashed fields and the chain are untouched, so every
-- existing row still verifies.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check CHECK (action IN ('READ', 'SEARCH', 'CREATE',
    'UPDATE', 'DELETE', 'EXPORT', 'BREAK_GLASS', 'PROTECTED_IDENTITY_SET', 'PROTECTED_IDENTITY_LIFTED',
    'RECTIFICATION', 'ERASURE'));
