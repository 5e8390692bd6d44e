package org.follicle.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The outbox as the other modules use it. A message is queued in the caller's transaction: it goes if and only if
 * what caused it commits. The caller checks access to the patient.
 */
public interface PatientMessages {

    /** Queues the message to go at {@code sendAfter} (now or later: a reminder, the aftercare). */
    void queue(OutgoingMessage message, Instant sendAfter);

    /** Withdraws the timed messages of an appointment not yet sent (it moved or was cancelled). */
    void withdrawTimed(long appointmentId);

    /** Withdraws an appointment's message of this kind not yet sent. */
    void withdraw(long appointmentId, MessageKind kind);

    /** The patient's latest messages, newest first. */
    List<PatientMessage> ofPatient(long patientId, int limit);

    /** An appointment's messages, by when they go. */
    List<PatientMessage> ofAppointment(long appointmentId);

    /**
     * A message's subject or body ({@code part}) in a language: the organisation's own wording when it has one,
     * else Follicle's ({@code message.<KIND>.<part>}), with the arguments in place.
     */
    String text(long organisationId, MessageKind kind, String part, Object[] args, java.util.Locale locale);

    /** How the patient prefers to be reached; email until they choose. */
    Channel preferredChannel(long patientId);

    /**
     * The patient's choice, from the portal: text messages go to {@code phone} (the record's number when they
     * chose), for the kinds of message that may go so ({@link MessageKind#textable()}).
     */
    void prefer(long organisationId, long patientId, Channel channel, String phone);
}
