package org.follicle.patients;

import org.follicle.patients.internal.PatientAccess;
import org.follicle.patients.internal.PatientStore;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.stereotype.Component;

/** Finds a patient for another module, checking that the user may see (or change) them. */
@Component
public class PatientRegistry {

    private final PatientAccess access;

    private final org.follicle.patients.internal.PatientRecords records;

    private final AuditLog audit;

    PatientRegistry(PatientAccess access, org.follicle.patients.internal.PatientRecords records, AuditLog audit) {
        this.access = access;
        this.records = records;
        this.audit = audit;
    }

    /** The first patients the user may read matching a name, file number or birth date (audited as a search). */
    public java.util.List<PatientView> search(String text, int limit) {
        return records.search(text, org.follicle.system.PageQuery.first(limit)).items();
    }

    /** The patient, if the user may read their records; 404 (audited) otherwise. */
    public PatientView readablePatient(long patientId) {
        return access.readable(patientId);
    }

    /**
     * The patients among the ids that the user may read, by id, in one query; the others are left out (a recall
     * list shows what the user may see and counts the rest). Not audited: the caller audits its list.
     */
    public java.util.Map<Long, PatientView> readablePatients(java.util.Collection<Long> patientIds) {
        return access.readableAmong(patientIds);
    }

    /**
     * The patients a safety notice (a lot's recall) is sent to, whatever clinic the sender works in: the notice must
     * reach every recipient. Each read is audited as made for the notice.
     */
    public java.util.List<PatientView> forSafetyNotice(long organisationId, java.util.Collection<Long> patientIds) {
        java.util.List<PatientView> found = access.ofOrganisation(organisationId, patientIds);
        found.forEach(p -> audit.record(new AuditRecord(AuditAction.READ, PatientStore.RECORD_TYPE, String.valueOf(p.id()),
                p.clinicId(), org.follicle.security.AuditOutcome.SUCCESS, "safety notice")));
        return found;
    }

    /**
     * The patient a care message is addressed to (a signed session's aftercare), read by the application once the
     * act that owes it has committed, with or without a signed-in user; empty if the patient is not of the
     * organisation. Audited as a read made for the message.
     */
    public java.util.Optional<PatientView> forCareMessage(long organisationId, long patientId) {
        return access.ofOrganisation(organisationId, java.util.List.of(patientId)).stream().findFirst().map(p -> {
            audit.record(new AuditRecord(AuditAction.READ, PatientStore.RECORD_TYPE, String.valueOf(p.id()), p.clinicId(),
                    org.follicle.security.AuditOutcome.SUCCESS, "care message"));
            return p;
        });
    }

    /**
     * A patient the user may read, of the organisation, to book or plan for: 404 otherwise, and refused (422)
     * when the record is voided.
     */
    public PatientView openPatientOf(long organisationId, long patientId) {
        PatientView patient = access.readable(patientId);
        if (patient.organisationId() != organisationId) {
            throw new org.follicle.system.RecordNotFoundException("patient", patientId);
        }
        if (patient.voided()) {
            throw new BusinessRuleException("patient.voidedReadOnly");
        }
        return patient;
    }

    /**
     * The patient, shown on a blank form to record something for them (their banner, nothing of the record yet): a
     * read of the patient, audited as one.
     */
    public PatientView shownOnForm(PatientView patient) {
        audit.record(AuditRecord.success(AuditAction.READ, PatientStore.RECORD_TYPE, patient.id(), patient.clinicId()));
        return patient;
    }

    /** The patient, if the user holds the privilege in the patient's clinic; 404 or 403 otherwise. */
    public PatientView writablePatient(long patientId, Privilege privilege) {
        return access.writable(patientId, privilege);
    }

    /**
     * The patient, to record something new on: as {@link #writablePatient}, and refused (422) when the record is
     * voided, since nothing more is recorded on a record registered by mistake.
     */
    public PatientView openPatient(long patientId, Privilege privilege) {
        PatientView patient = access.writable(patientId, privilege);
        if (patient.voided()) {
            throw new BusinessRuleException("patient.voidedReadOnly");
        }
        return patient;
    }
}
