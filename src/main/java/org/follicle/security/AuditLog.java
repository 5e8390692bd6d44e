package org.follicle.security;

/**
 * Writes to the append-only, hash-chained audit log: every write once it is done, with its record and clinic
 * (reads of the records a method's parameters name use {@link Audited}). Inside a read-write transaction the entry
 * commits with it; if the transaction rolls back, the attempt is written as a failure.
 */
public interface AuditLog {

    void record(AuditRecord record);
}
