package org.follicle.security.internal;

import java.time.Instant;

/** One row of the audit log, as stored and as hashed; {@code keyId} names the key of its HMAC (null: SHA-256). */
record AuditEntry(long seq, Instant occurredAt, Long organisationId, String actor, Long actorId, String actorRoles,
        Long clinicId, String action, String recordType, String recordId, String clientAddress, String outcome,
        String detail, String previousHash, String hash, String keyId) {

    /** An entry not yet in the chain. */
    static AuditEntry unchained(Instant occurredAt, Long organisationId, String actor, Long actorId,
            String actorRoles, Long clinicId, String action, String recordType, String recordId, String clientAddress,
            String outcome, String detail) {
        return new AuditEntry(0, occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action, recordType,
                recordId, clientAddress, outcome, detail, null, null, null);
    }

    /** The same attempt, recorded as failed: its transaction was rolled back. */
    AuditEntry failed() {
        String why = detail == null ? "rolled back" : "rolled back: " + detail;
        return unchained(occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action, recordType,
                recordId, clientAddress, "FAILURE", why.length() > 500 ? why.substring(0, 500) : why);
    }

    /** The entry numbered after {@code previous} and hashed under the current key. */
    AuditEntry chained(long newSeq, String previous, AuditKeys keys) {
        AuditEntry numbered = new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId,
                action, recordType, recordId, clientAddress, outcome, detail, previous, null, keys.currentId());
        return new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action,
                recordType, recordId, clientAddress, outcome, detail, previous, keys.hash(numbered, previous),
                keys.currentId());
    }
}
