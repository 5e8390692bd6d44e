package org.follicle.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.follicle.clinics.ClinicDirectory;
import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.messaging.PatientMessages;
import org.follicle.patients.PatientRegistry;
import org.follicle.patients.PatientView;
import org.follicle.security.AuditAction;
import org.follicle.security.AuditLog;
import org.follicle.security.AuditRecord;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.system.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages between a patient and their clinic, asynchronous: written on the portal or the chart, read there,
 * and announced to the patient by an email that says only that a message waits (its text stays behind the sign-in).
 */
@Service
@Transactional
class Conversations {

    static final String MESSAGE = "portal-message";

    static final int LONGEST = 4000;

    private final JdbcClient jdbc;

    private final PatientRegistry patients;

    private final ClinicDirectory clinics;

    private final PatientMessages outbox;

    private final ClinicAccess access;

    private final AuditLog audit;

    private final Clock clock;

    Conversations(JdbcClient jdbc, PatientRegistry patients, ClinicDirectory clinics, PatientMessages outbox,
            ClinicAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.clinics = clinics;
        this.outbox = outbox;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The patient's conversation, oldest first, as the patient reads it: the clinic's messages become read. */
    List<Message> readByPatient(PatientView patient) {
        jdbc.sql("UPDATE portal_message SET read_at = :now WHERE patient_id = :p AND NOT from_patient AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("p", patient.id()).update();
        audit.record(AuditRecord.success(AuditAction.READ, MESSAGE, patient.id(), patient.clinicId()));
        return of(patient.id());
    }

    /**
     * The conversation on the chart: the patient's messages become read by the clinic. Its own transaction, as the
     * chart is read in a read-only one.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    List<Message> readByClinic(PatientView patient) {
        jdbc.sql("UPDATE portal_message SET read_at = :now WHERE patient_id = :p AND from_patient AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("p", patient.id()).update();
        audit.record(AuditRecord.success(AuditAction.READ, MESSAGE, patient.id(), patient.clinicId()));
        return of(patient.id());
    }

    @Transactional(readOnly = true)
    int unreadByPatient(long patientId) {
        return jdbc.sql("SELECT count(*) FROM portal_message WHERE patient_id = :p AND NOT from_patient AND read_at IS NULL")
                .param("p", patientId).query(Integer.class).single();
    }

    void fromPatient(PatientView patient, String text) {
        write(patient, true, org.follicle.security.SignedInPatient.actorName(patient.id()), text);
    }

    /** The clinic answers; the patient is emailed that a message waits. */
    void fromClinic(long patientId, String text) {
        PatientView patient = patients.openPatient(patientId, Privilege.PATIENT_WRITE);
        write(patient, false, access.current().displayName(), text);
        Locale locale = PortalAccounts.languageOf(patient);
        Object[] args = { patient.givenName(), clinics.find(patient.clinicId()).orElseThrow().name() };
        outbox.queue(new OutgoingMessage(patient.organisationId(), patient.clinicId(), patient.id(), null,
                MessageKind.PORTAL_MESSAGE, patient.email(), locale.getLanguage(),
                outbox.text(patient.organisationId(), MessageKind.PORTAL_MESSAGE, "subject", args, locale),
                outbox.text(patient.organisationId(), MessageKind.PORTAL_MESSAGE, "body", args, locale), null), clock.instant());
    }

    private void write(PatientView patient, boolean fromPatient, String author, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw BusinessRuleException.onField("text", "portal.message.empty");
        }
        if (body.length() > LONGEST) {
            throw BusinessRuleException.onField("text", "portal.message.tooLong", LONGEST);
        }
        long id = jdbc.sql("""
                INSERT INTO portal_message (organisation_id, clinic_id, patient_id, from_patient, author, body, sent_at)
                VALUES (:org, :clinic, :patient, :fromPatient, :author, :body, :now) RETURNING id""")
                .param("org", patient.organisationId()).param("clinic", patient.clinicId())
                .param("patient", patient.id()).param("fromPatient", fromPatient).param("author", author)
                .param("body", body).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(AuditRecord.success(AuditAction.CREATE, MESSAGE, id, patient.clinicId()));
    }

    private List<Message> of(long patientId) {
        return jdbc.sql("""
                SELECT id, from_patient, author, body, sent_at, read_at FROM portal_message
                WHERE patient_id = :p ORDER BY sent_at, id""").param("p", patientId).query(Message.class).list();
    }

    /** @param author the staff member's name, or the patient */
    record Message(long id, boolean fromPatient, String author, String body, Instant sentAt, Instant readAt) {
    }
}
