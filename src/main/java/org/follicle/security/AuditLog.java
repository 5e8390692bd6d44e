package org.follicle.security;

import org.follicle.security.internal.AuditChain;
import org.springframework.stereotype.Component;

/**
 * Writes to the append-only, hash-chained audit log. Prefer {@link Audited} on a service method; use this
 * where the record to audit is only known inside the method. Inside a read-write transaction the entry commits
 * with it; if the transaction rolls back, the attempt is written as a failure.
 */
@Component
public class AuditLog {

    private final AuditChain chain;

    AuditLog(AuditChain chain) {
        this.chain = chain;
    }

    public void record(AuditRecord record) {
        chain.append(record);
    }
}
