package org.follicle.messaging;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A message as the chart and the API show it: its kind, whom it went to and how it stands.
 *
 * @param localTime when it was sent, or is due, in the clinic's time
 */
public record PatientMessage(long id, Long appointmentId, String kind, String recipient, String status,
        Instant sendAfter, int attempts, String lastError, Instant createdAt, Instant sentAt, LocalDateTime localTime) {
}
