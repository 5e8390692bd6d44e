package org.follicle.security.internal;

import java.time.Instant;

/** One row of the audit log, as stored and as hashed. */
record AuditEntry(long seq, Instant occurredAt, Long organisationId, String actor, Long actorId, String actorRoles,
        Long clinicId, String action, String recordType, String recordId, String clientAddress, String outcome,
        String detail, String previousHash, String hash) {

    AuditEntry chained(long newSeq, String previous) {
        AuditEntry numbered = new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId,
                action, recordType, recordId, clientAddress, outcome, detail, previous, null);
        return new AuditEntry(newSeq, occurredAt, organisationId, actor, actorId, actorRoles, clinicId, action,
                recordType, recordId, clientAddress, outcome, detail, previous, AuditChain.hash(numbered, previous));
    }
}
