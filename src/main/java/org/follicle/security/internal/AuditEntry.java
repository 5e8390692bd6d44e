package org.follicle.security.internal;

import java.time.Instant;

/** One row of the audit log, as stored and as hashed. */
record AuditEntry(long seq, Instant occurredAt, Long organisationId, String actor, Long actorId, String actorRoles,
        Long clinicId, String action, String recordType, String recordId, String clientAddress, String outcome,
        String detail, String previousHash, String hash) {

    /** The same attempt, recorded as failed: its transaction was rolled back. */
    AuditEntry failed() {
        String why = detail == null ? "rolled back" : "rolled back: " + detail;
        return new AuditEntry(seq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action, recordType,
                recordId, clientAddress, "FAILURE", why.length() > 500 ? why.substring(0, 500) : why, previousHash,
                hash);
    }

    AuditEntry chained(long newSeq, String previous) {
        AuditEntry numbered = new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId,
                action, recordType, recordId, clientAddress, outcome, detail, previous, null);
        return new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action,
                recordType, recordId, clientAddress, outcome, detail, previous, AuditChain.hash(numbered, previous));
    }
}
