-- The key that hashes an entry (an HMAC key held outside the database, named by its id); NULL for the entries
-- hashed with plain SHA-256 before the chain was keyed.
ALTER TABLE security_audit_entry ADD COLUMN key_id VARCHAR(20);
