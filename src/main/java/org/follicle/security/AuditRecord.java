package org.follicle.security;

/**
 * One thing to write in the audit log. The actor, their roles, the time and the client address are added by
 * the log itself from the current request.
 *
 * @param action what was done
 * @param recordType the kind of record, such as "patient"; {@code null} for sign-in and the like
 * @param recordId the record's id, or {@code null}
 * @param clinicId the clinic the record belongs to, or {@code null}
 * @param outcome how it ended
 * @param detail a short note without patient data (a reason code, a count), or {@code null}
 */
public record AuditRecord(AuditAction action, String recordType, String recordId, Long clinicId,
        AuditOutcome outcome, String detail) {

    public static AuditRecord success(AuditAction action, String recordType, Object recordId, Long clinicId) {
        return new AuditRecord(action, recordType, recordId == null ? null : String.valueOf(recordId), clinicId,
                AuditOutcome.SUCCESS, null);
    }

    public AuditRecord withOutcome(AuditOutcome newOutcome, String newDetail) {
        return new AuditRecord(action, recordType, recordId, clinicId, newOutcome, newDetail);
    }
}
