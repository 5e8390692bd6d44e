package org.follicle.billing.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the courses sold and of the sessions that used them; no access checks. */
@Repository
class CourseStore {

    private static final String COLUMNS = """
            SELECT c.id, c.clinic_id, c.patient_id, c.invoice_id, c.line_position, c.name, c.appointment_type,
                c.sessions, (SELECT count(*) FROM billing_course_use u WHERE u.course_id = c.id) AS used,
                c.valid_until, c.sold_at, c.cancelled_at, c.cancel_reason, c.credit_note_id
            FROM billing_course c""";

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(Invoice issued, Invoice.Line line, Price price, LocalDate validUntil) {
        return jdbc.sql("""
                INSERT INTO billing_course (organisation_id, clinic_id, patient_id, price_id, invoice_id, line_position,
                    name, appointment_type, sessions, valid_until, sold_at)
                VALUES (:org, :clinic, :patient, :price, :invoice, :position, :name, :type, :sessions, :until, :at)
                RETURNING id""")
                .param("org", issued.organisationId()).param("clinic", issued.clinicId())
                .param("patient", issued.patientId()).param("price", price.id()).param("invoice", issued.id())
                .param("position", line.position()).param("name", line.description())
                .param("type", price.appointmentType()).param("sessions", price.sessions())
                .param("until", Date.valueOf(validUntil)).param("at", Timestamp.from(issued.issuedAt()))
                .query(Long.class).single();
    }

    List<Course> ofPatient(long patientId) {
        return jdbc.sql(COLUMNS + " WHERE c.patient_id = :patient ORDER BY c.sold_at DESC, c.id DESC")
                .param("patient", patientId).query(CourseStore::row).list();
    }

    Optional<Course> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE c.id = :id").param("id", id).query(CourseStore::row).optional();
    }

    /** The course, locked until the transaction ends, so that its sessions are counted once. */
    Optional<Course> lock(long id) {
        jdbc.sql("SELECT id FROM billing_course WHERE id = :id FOR UPDATE").param("id", id).query(Long.class)
                .optional();
        return find(id);
    }

    /** How many courses an invoice sold that are not cancelled. */
    int openOn(long invoiceId) {
        return jdbc.sql("SELECT count(*) FROM billing_course WHERE invoice_id = :invoice AND cancelled_at IS NULL")
                .param("invoice", invoiceId).query(Integer.class).single();
    }

    /** Whether the patient has a course in the clinic, not cancelled, still valid on the day. */
    boolean anyValid(long clinicId, long patientId, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM billing_course WHERE patient_id = :patient AND clinic_id = :clinic
                    AND cancelled_at IS NULL AND valid_until >= :day)""")
                .param("patient", patientId).param("clinic", clinicId).param("day", Date.valueOf(day))
                .query(Boolean.class).single();
    }

    /**
     * The signed session uses one session of the patient's course of its treatment, the one that expires first
     * among those still valid that day, not cancelled and not used up; the course's row stays locked to the
     * transaction's end, so that two signings cannot take its last session twice.
     *
     * @return the course used, empty when the patient has none to use
     */
    Optional<Long> useOne(long clinicId, long patientId, String appointmentType, LocalDate day, long sessionId) {
        List<Long> candidates = jdbc.sql("""
                SELECT c.id FROM billing_course c
                WHERE c.clinic_id = :clinic AND c.patient_id = :patient AND c.appointment_type = :type
                    AND c.cancelled_at IS NULL AND c.valid_until >= :day
                ORDER BY c.valid_until, c.id FOR UPDATE""")
                .param("clinic", clinicId).param("patient", patientId).param("type", appointmentType)
                .param("day", Date.valueOf(day)).query(Long.class).list();
        for (long course : candidates) {
            int inserted = jdbc.sql("""
                    INSERT INTO billing_course_use (course_id, session_id, used_on)
                    SELECT c.id, :session, :day FROM billing_course c
                    WHERE c.id = :course AND (SELECT count(*) FROM billing_course_use u WHERE u.course_id = c.id) < c.sessions
                    ON CONFLICT DO NOTHING""")
                    .param("course", course).param("session", sessionId).param("day", Date.valueOf(day)).update();
            if (inserted == 1) {
                return Optional.of(course);
            }
        }
        return Optional.empty();
    }

    /** False when it was cancelled already. */
    boolean cancel(long id, String reason, long creditNoteId, Instant at, String by) {
        return jdbc.sql("""
                UPDATE billing_course SET cancelled_at = :at, cancelled_by = :by, cancel_reason = :reason,
                    credit_note_id = :credit
                WHERE id = :id AND cancelled_at IS NULL""")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).param("reason", reason)
                .param("credit", creditNoteId).update() == 1;
    }

    private static Course row(ResultSet rs, int n) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new Course(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"),
                rs.getLong("invoice_id"), rs.getInt("line_position"), rs.getString("name"),
                rs.getString("appointment_type"), rs.getInt("sessions"), rs.getInt("used"),
                rs.getDate("valid_until").toLocalDate(), rs.getTimestamp("sold_at").toInstant(),
                cancelled == null ? null : cancelled.toInstant(), rs.getString("cancel_reason"),
                rs.getObject("credit_note_id", Long.class));
    }
}
