package org.follicle.patients.internal;

import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.stereotype.Component;

@Component
class PatientRegistryService implements PatientRegistry {

    private final PatientAccess access;

    private final PatientRecords records;

    private final AuditLog audit;

    PatientRegistryService(PatientAccess access, PatientRecords records, AuditLog audit) {
        this.access = access;
        this.records = records;
        this.audit = audit;
    }

    @Override
    public java.util.List<PatientView> search(String text, int limit) {
        return records.search(text, org.follicle.system.PageQuery.first(limit)).items();
    }

    @Override
    public PatientView readablePatient(long patientId) {
        return access.readable(patientId);
    }

    @Override
    public java.util.Map<Long, PatientView> readablePatients(java.util.Collection<Long> patientIds) {
        return access.readableAmong(patientIds);
    }

    @Override
    public java.util.List<PatientView> forSafetyNotice(long organisationId, java.util.Collection<Long> patientIds) {
        java.util.List<PatientView> found = access.ofOrganisation(organisationId, patientIds);
        found.forEach(p -> audit.record(new AuditRecord(AuditAction.READ, PatientStore.RECORD_TYPE, String.valueOf(p.id()),
                p.clinicId(), org.follicle.security.AuditOutcome.SUCCESS, "safety notice")));
        return found;
    }

    @Override
    public java.util.Optional<PatientView> forCareMessage(long organisationId, long patientId) {
        return access.ofOrganisation(organisationId, java.util.List.of(patientId)).stream().findFirst().map(p -> {
            audit.record(new AuditRecord(AuditAction.READ, PatientStore.RECORD_TYPE, String.valueOf(p.id()), p.clinicId(),
                    org.follicle.security.AuditOutcome.SUCCESS, "care message"));
            return p;
        });
    }

    @Override
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

    @Override
    @Audited(action = AuditAction.READ, recordType = PatientStore.RECORD_TYPE, recordId = "#patient.id()",
            clinicId = "#patient.clinicId()")
    public PatientView shownOnForm(PatientView patient) {
        return patient;
    }

    @Override
    public PatientView writablePatient(long patientId, Privilege privilege) {
        return access.writable(patientId, privilege);
    }

    @Override
    public PatientView openPatient(long patientId, Privilege privilege) {
        PatientView patient = access.writable(patientId, privilege);
        if (patient.voided()) {
            throw new BusinessRuleException("patient.voidedReadOnly");
        }
        return patient;
    }
}
