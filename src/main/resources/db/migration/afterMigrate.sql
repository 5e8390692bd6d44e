-- After every migration: what the application's role may do, when it is not the owner of the tables (see
-- DatabaseEnvironment). Rows of every table, but no change to the audit log's entries, no DDL, no trigger.
DO $grants$
DECLARE
    app TEXT := '${appRole}';
BEGIN
    IF app = '' OR app = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', app);
    -- Entries are only ever added; the head moves forward; the migrations' history is the owner's.
    EXECUTE format('REVOKE UPDATE, DELETE ON security_audit_entry FROM %I', app);
    EXECUTE format('REVOKE DELETE ON security_audit_head FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM %I', app);
END
$grants$;
