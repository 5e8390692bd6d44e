package org.follicle.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * The outcome of checking the audit log's hash chain from its first entry to its head.
 *
 * @param intact whether every entry is as it was written
 * @param entriesChecked how many entries were read
 * @param brokenAt the sequence number where the chain first breaks, or {@code null}
 * @param problem what is wrong there (a message key), or {@code null}
 * @param checkedAt when the check ran
 * @param anchorSeq the entry of the last checkpoint kept outside the database that the chain was checked against,
 *        or {@code null} when there is none yet
 * @param anchoredAt when that checkpoint was written
 */
public record AuditVerification(boolean intact, long entriesChecked, Long brokenAt, String problem, Instant checkedAt,
        Long anchorSeq, Instant anchoredAt) implements Serializable {
}
