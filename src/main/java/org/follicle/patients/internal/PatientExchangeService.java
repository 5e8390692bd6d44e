package org.follicle.patients.internal;

import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientExchange;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.Audited;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry's exchange facade: the same records, access checks and audit as the pages and the JSON API. */
@Service
@Transactional
class PatientExchangeService implements PatientExchange {

    private final PatientStore patients;

    private final PatientAccess access;

    private final PatientRecords records;

    PatientExchangeService(PatientStore patients, PatientAccess access, PatientRecords records) {
        this.patients = patients;
        this.access = access;
        this.records = records;
    }

    @Override
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.SEARCH, recordType = PatientStore.RECORD_TYPE)
    public Matches find(Criteria criteria, long offset, int count) {
        return patients.find(criteria, access.readableClinics(), offset, count);
    }

    @Override
    @Transactional(readOnly = true)
    @Audited(action = AuditAction.SEARCH, recordType = PatientStore.RECORD_TYPE)
    public java.util.List<Long> readableIds(Long clinicId) {
        java.util.Collection<Long> clinics = access.readableClinics();
        return patients.ids(clinicId == null ? clinics : clinics.stream().filter(clinicId::equals).toList());
    }

    @Override
    public PatientView read(long patientId) {
        return records.chart(patientId);
    }

    @Override
    public PatientView register(long clinicId, PatientDetails details) {
        return records.register(clinicId, details, false);
    }

    @Override
    public PatientView correct(long patientId, PatientDetails details, int version) {
        access.readable(patientId);
        return records.update(patientId, details, version);
    }
}
