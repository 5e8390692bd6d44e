package org.follicle.sessions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.sessions.PatientReports;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' reports of concern after a treatment: put on the clinic's side-effects list, then reviewed by the
 * clinic, which records an adverse event from the report when it is one.
 */
@Service
@Transactional
class PatientConcerns implements PatientReports {

    static final String REPORT = "patient-report";

    private final JdbcClient jdbc;

    private final ClinicDirectory clinics;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    PatientConcerns(JdbcClient jdbc, ClinicDirectory clinics, ClinicAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TreatmentGiven> treatmentsSince(long patientId, Instant since) {
        return jdbc.sql("""
                SELECT id AS session_id, appointment_id, clinic_id, modality, started_at FROM sessions_session
                WHERE patient_id = :patient AND started_at >= :since ORDER BY started_at DESC, id DESC LIMIT 20""")
                .param("patient", patientId).param("since", java.sql.Timestamp.from(since))
                .query(TreatmentGiven.class).list();
    }

    @Override
    public long reportConcern(long patientId, long sessionId, String summary) {
        Long clinicId = jdbc.sql("SELECT clinic_id FROM sessions_session WHERE id = :id AND patient_id = :patient")
                .param("id", sessionId).param("patient", patientId).query(Long.class).optional()
                .orElseThrow(() -> new RecordNotFoundException("session", sessionId));
        long id = jdbc.sql("""
                INSERT INTO sessions_patient_report (organisation_id, clinic_id, patient_id, session_id, summary,
                    reported_at)
                SELECT organisation_id, clinic_id, patient_id, id, :summary, :now FROM sessions_session WHERE id = :session
                RETURNING id""").param("summary", summary).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("session", sessionId).query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, REPORT, id, clinicId));
        return id;
    }

    /** The clinic's reports not yet reviewed, oldest first: they wait for someone. */
    @Transactional(readOnly = true)
    List<Report> open(long clinicId) {
        String zone = clinics.requireClinic(clinicId, Privilege.PATIENT_READ).zone().getId();
        List<Report> reports = jdbc.sql("""
                SELECT r.id, r.patient_id, p.family_name, p.given_name, p.file_number, r.session_id, r.summary,
                       r.reported_at AT TIME ZONE :zone AS reported_at
                FROM sessions_patient_report r JOIN patients_patient p ON p.id = r.patient_id
                WHERE r.clinic_id = :clinic AND r.reviewed_at IS NULL ORDER BY r.reported_at, r.id LIMIT 200""")
                .param("clinic", clinicId).param("zone", zone).query(Report.class).list();
        audit.record(new AuditRecord(AuditAction.SEARCH, REPORT, null, clinicId, AuditOutcome.SUCCESS,
                reports.size() + " open reports"));
        return reports;
    }

    /** Marks a report reviewed with what was done about it (an adverse event recorded, a call made). */
    void review(long id, String note) {
        Long clinicId = jdbc.sql("SELECT clinic_id FROM sessions_patient_report WHERE id = :id").param("id", id)
                .query(Long.class).optional().orElseThrow(() -> new RecordNotFoundException(REPORT, id));
        access.requireVisible(Privilege.CLINICAL_WRITE, clinicId, REPORT, id);
        String text = note == null ? "" : note.trim();
        if (text.length() < 3) {
            throw BusinessRuleException.onField("note", "patientReport.noteNeeded");
        }
        if (text.length() > 1000) {
            throw BusinessRuleException.onField("note", "patientReport.noteTooLong", 1000);
        }
        int changed = jdbc.sql("""
                UPDATE sessions_patient_report SET reviewed_at = :now, reviewed_by = :by, review_note = :note
                WHERE id = :id AND reviewed_at IS NULL""").param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", access.current().username()).param("note", text).param("id", id).update();
        if (changed == 0) {
            throw new BusinessRuleException("patientReport.alreadyReviewed");
        }
        audit.record(AuditRecord.success(AuditAction.UPDATE, REPORT, id, clinicId));
    }

    /** @param reportedAt in the clinic's time */
    record Report(long id, long patientId, String familyName, String givenName, String fileNumber, Long sessionId,
            String summary, java.time.LocalDateTime reportedAt) {

        public String patientName() {
            return familyName.toUpperCase(java.util.Locale.ROOT) + ", " + givenName;
        }
    }
}
