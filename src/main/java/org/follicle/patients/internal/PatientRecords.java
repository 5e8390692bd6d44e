package org.follicle.patients.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.follicle.patients.PatientCorrected;
import org.follicle.patients.PatientDetails;
import org.follicle.patients.PatientView;
import org.follicle.patients.PatientVoided;
import org.follicle.patients.PossibleDuplicatesException;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.Audited;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.ApiPage;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.PageQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, finding, changing and voiding patients, each authorised and audited. A record registered by
 * mistake is voided with a reason, never deleted.
 */
@Service
@Transactional
public class PatientRecords {

    /** Nobody alive was born before this; an earlier date is a typing slip. */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final PatientStore patients;

    private final PatientAccess patientAccess;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    PatientRecords(PatientStore patients, PatientAccess patientAccess, ClinicAccess access, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.patients = patients;
        this.patientAccess = patientAccess;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a patient in a clinic. A look-alike of an existing patient is refused unless
     * {@code duplicateConfirmed}: staff have checked that it is another person.
     */
    PatientView register(long clinicId, PatientDetails details, boolean duplicateConfirmed) {
        access.require(Privilege.PATIENT_WRITE, clinicId);
        checkBirthDate(details);
        if (!duplicateConfirmed) {
            List<PatientView> duplicates = patients.possibleDuplicates(details, patientAccess.readableClinics(), null);
            if (!duplicates.isEmpty()) {
                throw new PossibleDuplicatesException(duplicates);
            }
        }
        long id = patients.insert(access.current().organisationId(), clinicId, details, clock.instant(),
                access.current().username());
        audit.record(AuditRecord.success(AuditAction.CREATE, PatientStore.RECORD_TYPE, id, clinicId));
        return patients.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.READ, recordType = PatientStore.RECORD_TYPE, recordId = "#patientId",
            clinicId = "#result.clinicId()")
    PatientView chart(long patientId) {
        return patientAccess.readable(patientId);
    }

    @Transactional(readOnly = true)
    @Audited(action = AuditAction.SEARCH, recordType = PatientStore.RECORD_TYPE)
    public ApiPage<PatientView> search(String text, PageQuery page) {
        return patients.search(new PatientQuery(text), patientAccess.readableClinics(), page);
    }

    PatientView update(long patientId, PatientDetails details, int version) {
        patientAccess.writable(patientId, Privilege.PATIENT_WRITE);
        checkBirthDate(details);
        patients.update(patientId, details, version, clock.instant(), access.current().username());
        PatientView updated = patients.find(patientId).orElseThrow();
        audit.record(AuditRecord.success(AuditAction.UPDATE, PatientStore.RECORD_TYPE, patientId, updated.clinicId()));
        events.publishEvent(new PatientCorrected(patientId));
        return updated;
    }

    PatientView voidRecord(long patientId, String reason, int version) {
        patientAccess.writable(patientId, Privilege.PATIENT_WRITE);
        if (reason == null || reason.trim().length() < 5) {
            throw BusinessRuleException.onField("reason", "patient.voidReasonRequired");
        }
        patients.voidRecord(patientId, reason.trim(), version, clock.instant(), access.current().username());
        PatientView voided = patients.find(patientId).orElseThrow();
        audit.record(AuditRecord.success(AuditAction.VOID, PatientStore.RECORD_TYPE, patientId, voided.clinicId()));
        events.publishEvent(new PatientVoided(patientId));
        return voided;
    }

    private void checkBirthDate(PatientDetails details) {
        if (details.birthDate().isAfter(LocalDate.now(clock))) {
            throw BusinessRuleException.onField("birthDate", "patient.birthDateFuture");
        }
        if (details.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            throw BusinessRuleException.onField("birthDate", "patient.birthDateImplausible");
        }
    }
}
