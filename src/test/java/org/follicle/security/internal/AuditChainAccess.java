package org.follicle.security.internal;

import java.time.Instant;
import java.util.Map;

/** What a test of the audit chain reaches: an entry as an attacker without the key would hash it, the checkpoints. */
public record AuditChainAccess(String hash) {

    /** Where this application writes its checkpoints of the chain. */
    public static java.nio.file.Path anchorDir(org.springframework.context.ApplicationContext context) {
        return context.getBean(AuditAnchors.class).dir();
    }

    public static AuditChainAccess sha256Entry(long seq, Instant at, Map<String, Object> row, String newRecordId,
            String previousHash, String keyId) {
        AuditEntry entry = new AuditEntry(seq, at, (Long) row.get("organisation_id"), (String) row.get("actor"),
                (Long) row.get("actor_id"), (String) row.get("actor_roles"), (Long) row.get("clinic_id"),
                (String) row.get("action"), (String) row.get("record_type"), newRecordId,
                (String) row.get("client_address"), (String) row.get("outcome"), (String) row.get("detail"),
                previousHash, null, keyId);
        return new AuditChainAccess(AuditChain.sha256(AuditChain.canonical(entry, previousHash)));
    }
}
