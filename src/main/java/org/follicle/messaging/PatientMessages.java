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
}
