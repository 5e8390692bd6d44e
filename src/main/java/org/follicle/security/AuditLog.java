package org.follicle.security;

import org.follicle.security.internal.AuditChain;
import org.springframework.stereotype.Component;

/**
 * Writes to the append-only, hash-chained audit log. Prefer {@link Audited} on a service method; use this
 * where the record to audit is only known inside the method. An entry is written in its own transaction, so it
 * stays even when the audited work is rolled back.
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
