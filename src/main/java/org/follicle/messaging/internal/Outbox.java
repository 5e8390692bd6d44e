package org.follicle.messaging.internal;

import java.util.Locale;

import org.follicle.messaging.Channel;
import org.follicle.security.SignedInPatient;
import org.follicle.messaging.MessageKind;
import org.follicle.system.BusinessRuleException;
import org.springframework.context.MessageSource;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.follicle.messaging.MessageKind;
import org.follicle.messaging.OutgoingMessage;
import org.follicle.messaging.PatientMessage;
import org.follicle.messaging.PatientMessages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Emails waiting to go, written in the same transaction as the booking that causes them, so that a booking never
 * goes without its messages and a message never goes for a booking that was rolled back. Several instances may
 * send: each claims its batch with SKIP LOCKED and holds it for a while.
 */
@Repository
class Outbox implements PatientMessages {

    /** Attempts before a message is given up as failed. */
    static final int MAX_ATTEMPTS = 5;

    /** How long a claimed message is left to its sender before another instance may try it. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    private final Clock clock;

    private final MessageSource texts;

    Outbox(JdbcClient jdbc, Clock clock, MessageSource texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void queue(OutgoingMessage m, Instant sendAfter) {
        Preference preference = m.kind().textable() ? preference(m.patientId()) : Preference.EMAIL;
        boolean text = preference.channel() == Channel.SMS;
        String recipient = text ? preference.phone() : m.recipient();
        boolean sendable = recipient != null && !recipient.isBlank();
        jdbc.sql("""
                INSERT INTO messaging_message (organisation_id, clinic_id, patient_id, appointment_id, kind, recipient,
                    language, subject, body, calendar, status, send_after, last_error, created_at, channel)
                VALUES (:org, :clinic, :patient, :appointment, :kind, :recipient, :language, :subject, :body,
                    :calendar, :status, :after, :error, :now, :channel)""").param("org", m.organisationId())
                .param("clinic", m.clinicId()).param("patient", m.patientId()).param("appointment", m.appointmentId())
                .param("kind", m.kind().name()).param("recipient", sendable ? recipient.trim() : null)
                .param("language", m.language()).param("subject", m.subject()).param("body", m.body())
                // A text message carries no attachment.
                .param("calendar", text ? null : m.calendar()).param("status", sendable ? "QUEUED" : "FAILED")
                .param("after", Timestamp.from(sendAfter))
                // Kept, so that the chart shows the patient was not told and why.
                .param("error", sendable ? null : "no email address").param("now", Timestamp.from(clock.instant()))
                .param("channel", preference.channel().name()).update();
    }

    @Override
    public String text(long organisationId, MessageKind kind, String part, Object[] args, Locale locale) {
        String own = jdbc.sql("""
                SELECT CASE WHEN :part = 'subject' THEN subject ELSE body END FROM messaging_template
                WHERE organisation_id = :org AND kind = :kind AND language = :language""").param("part", part)
                .param("org", organisationId).param("kind", kind.name()).param("language", locale.getLanguage())
                .query(String.class).optional().orElse(null);
        return own == null ? texts.getMessage("message." + kind.name() + "." + part, args, locale)
                : MessageTemplates.format(own, args, locale);
    }

    @Override
    public Channel preferredChannel(long patientId) {
        return preference(patientId).channel();
    }

    @Override
    public void prefer(long organisationId, long patientId, Channel channel, String phone) {
        String number = phone == null || phone.isBlank() ? null : phone.trim();
        if (channel == Channel.SMS && number == null) {
            throw BusinessRuleException.onField("channel", "messages.noPhone");
        }
        jdbc.sql("""
                INSERT INTO messaging_preference (patient_id, organisation_id, channel, phone, changed_at, changed_by)
                VALUES (:patient, :org, :channel, :phone, :now, :by)
                ON CONFLICT (patient_id) DO UPDATE SET channel = EXCLUDED.channel, phone = EXCLUDED.phone,
                    changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by""")
                .param("patient", patientId).param("org", organisationId).param("channel", channel.name())
                .param("phone", channel == Channel.SMS ? number : null).param("now", Timestamp.from(clock.instant()))
                .param("by", SignedInPatient.actorName(patientId)).update();
    }

    private Preference preference(long patientId) {
        return jdbc.sql("SELECT channel, phone FROM messaging_preference WHERE patient_id = :p").param("p", patientId)
                .query(Preference.class).optional().orElse(Preference.EMAIL);
    }

    record Preference(Channel channel, String phone) {

        static final Preference EMAIL = new Preference(Channel.EMAIL, null);
    }

    @Override
    public void withdrawTimed(long appointmentId) {
        jdbc.sql("""
                UPDATE messaging_message SET status = 'CANCELLED'
                WHERE appointment_id = :appointment AND status = 'QUEUED' AND kind IN ('REMINDER', 'PRE_CARE', 'AFTERCARE')""")
                .param("appointment", appointmentId).update();
    }

    @Override
    public void withdraw(long appointmentId, MessageKind kind) {
        jdbc.sql("""
                UPDATE messaging_message SET status = 'CANCELLED'
                WHERE appointment_id = :appointment AND status = 'QUEUED' AND kind = :kind""")
                .param("appointment", appointmentId).param("kind", kind.name()).update();
    }

    /** Claims due messages: each counts an attempt and is held for {@link #CLAIM}. */
    List<Queued> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE messaging_message m SET attempts = attempts + 1, send_after = :held
                WHERE id IN (SELECT id FROM messaging_message WHERE status = 'QUEUED' AND send_after <= :now
                             ORDER BY send_after LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, body, calendar, attempts, channel""")
                .param("held", Timestamp.from(now.plus(CLAIM))).param("now", Timestamp.from(now)).param("limit", limit)
                .query(Queued.class).list();
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE messaging_message SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Records a failed attempt: tried again later, with a growing wait, until {@link #MAX_ATTEMPTS}. */
    void failed(Queued message, String error, Instant now) {
        boolean last = message.attempts() >= MAX_ATTEMPTS;
        Duration wait = Duration.ofMinutes((long) message.attempts() * message.attempts());
        jdbc.sql("""
                UPDATE messaging_message SET status = :status, last_error = :error, send_after = :after WHERE id = :id""")
                .param("status", last ? "FAILED" : "QUEUED")
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("after", Timestamp.from(now.plus(wait))).param("id", message.id()).update();
    }

    @Override
    public List<PatientMessage> ofPatient(long patientId, int limit) {
        return jdbc.sql("""
                SELECT m.id, m.appointment_id, m.kind, m.recipient, m.status, m.send_after, m.attempts, m.last_error,
                    m.created_at, m.sent_at, coalesce(m.sent_at, m.send_after) AT TIME ZONE c.time_zone AS local_time
                FROM messaging_message m JOIN clinics_clinic c ON c.id = m.clinic_id WHERE m.patient_id = :patient ORDER BY m.created_at DESC, m.id DESC LIMIT :limit""")
                .param("patient", patientId).param("limit", limit).query(PatientMessage.class).list();
    }

    @Override
    public List<PatientMessage> ofAppointment(long appointmentId) {
        return jdbc.sql("""
                SELECT m.id, m.appointment_id, m.kind, m.recipient, m.status, m.send_after, m.attempts, m.last_error,
                    m.created_at, m.sent_at, coalesce(m.sent_at, m.send_after) AT TIME ZONE c.time_zone AS local_time
                FROM messaging_message m JOIN clinics_clinic c ON c.id = m.clinic_id WHERE m.appointment_id = :appointment ORDER BY m.send_after, m.id""")
                .param("appointment", appointmentId).query(PatientMessage.class).list();
    }

    /** A claimed message, ready to send. */
    record Queued(long id, String recipient, String subject, String body, String calendar, int attempts,
            Channel channel) {
    }
}
