-- Setting and lifting a protected identity are audit actions of their own (issue 23, item 5), so the auditor can
-- follow them up apart from plain updates. Only the list of allowed actions changes: the hashed fields and the chain
-- are untouched, so every existing row still verifies.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check CHECK (action IN ('READ', 'SEARCH', 'CREATE',
    'UPDATE', 'DELETE', 'EXPORT', 'BREAK_GLASS', 'PROTECTED_IDENTITY_SET', 'PROTECTED_IDENTITY_LIFTED'));
