package org.follicle.messaging;

/**
 * An email to a patient, written in the patient's language by the module that sends it.
 *
 * @param appointmentId the appointment it is about, which may withdraw it, or {@code null}
 * @param recipient the patient's address; without one the message is kept as failed, so the chart shows why the
 *        patient was not told
 * @param calendar an iCalendar file to attach, or {@code null}
 */
public record OutgoingMessage(long organisationId, long clinicId, long patientId, Long appointmentId,
        MessageKind kind, String recipient, String language, String subject, String body, String calendar) {
}
