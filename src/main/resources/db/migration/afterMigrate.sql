-- Runs after every migration: the application role (placeholder appRole) may read and write its
-- tables, but may only read and append to the audit log. Skipped when the application and the
-- migrations share one role (external database without a separate owner): the triggers still hold.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') AND '${appRole}' <> current_user THEN
        EXECUTE 'GRANT USAGE ON SCHEMA public TO ${appRole}';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole}';
        EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appRole}';
        EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${appRole}';
        -- keys are destroyed and checkpoints marked removed only by audit_forget_person and audit_remove_up_to
        EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_person_key, audit_checkpoint FROM ${appRole}';
        EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${appRole}';
    END IF;
END
$$;
