package org.follicle.scheduling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.follicle.clinics.ClinicView;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patients waiting for a slot, per clinic, oldest first; an entry is closed (booked, withdrawn), not deleted. */
@Service
@Transactional
class WaitingList {

    static final String ENTRY = "waiting-entry";

    private final JdbcClient jdbc;

    private final Bookings bookings;

    private final PatientRegistry patients;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    WaitingList(JdbcClient jdbc, Bookings bookings, PatientRegistry patients, ClinicAccess access, AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.patients = patients;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    Entry add(BookingInputs.Waiting in) {
        ClinicView clinic = bookings.clinicWith(in.clinicId(), Privilege.SCHEDULE_MANAGE);
        PatientView patient = patients.openPatientOf(clinic.organisationId(), in.patientId());
        if (bookings.types(clinic.organisationId()).stream().noneMatch(t -> t.code().equals(in.typeCode()))) {
            throw BusinessRuleException.onField("typeCode", "appointment.unknownType", in.typeCode());
        }
        if (in.latest() != null && in.latest().isBefore(in.earliest())) {
            throw BusinessRuleException.onField("latest", "waiting.latestBeforeEarliest");
        }
        long id = jdbc.sql("""
                INSERT INTO scheduling_waiting_entry (organisation_id, clinic_id, patient_id, type_code, practitioner_id,
                    earliest, latest, note, created_at, created_by)
                VALUES (:org, :clinic, :patient, :type, :practitioner, :earliest, :latest, :note, :now, :by) RETURNING id""")
                .param("org", clinic.organisationId()).param("clinic", clinic.id()).param("patient", patient.id())
                .param("type", in.typeCode()).param("practitioner", in.practitionerId()).param("earliest", in.earliest())
                .param("latest", in.latest()).param("note", in.note()).param("now", Timestamp.from(clock.instant()))
                .param("by", access.current().username()).query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, ENTRY, id, clinic.id()));
        return open(clinic.id()).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** The clinic's open entries, oldest first. */
    List<Entry> open(long clinicId) {
        bookings.clinicWith(clinicId, Privilege.PATIENT_READ);
        return jdbc.sql("""
                SELECT w.id, w.clinic_id, w.patient_id, upper(p.family_name) || ', ' || p.given_name AS patient_name,
                    p.file_number, w.type_code, w.practitioner_id, w.earliest, w.latest, w.note, w.created_at
                FROM scheduling_waiting_entry w JOIN patients_patient p ON p.id = w.patient_id
                WHERE w.clinic_id = :clinic AND w.closed_at IS NULL ORDER BY w.created_at, w.id""")
                .param("clinic", clinicId).query(Entry.class).list();
    }

    void close(long id, String reason) {
        Long clinicId = jdbc.sql("SELECT clinic_id FROM scheduling_waiting_entry WHERE id = :id AND closed_at IS NULL")
                .param("id", id).query(Long.class).optional().orElseThrow(() -> new RecordNotFoundException(ENTRY, id));
        access.requireVisible(Privilege.SCHEDULE_MANAGE, clinicId, ENTRY, id);
        jdbc.sql("UPDATE scheduling_waiting_entry SET closed_at = :now, closed_reason = :reason WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("reason", reason == null ? "closed" : reason)
                .param("id", id).update();
        audit.record(AuditRecord.success(AuditAction.UPDATE, ENTRY, id, clinicId));
    }

    record Entry(long id, long clinicId, long patientId, String patientName, String fileNumber, String typeCode,
            Long practitionerId, LocalDate earliest, LocalDate latest, String note, Instant createdAt) {
    }
}
