package org.follicle.sessions;

import java.time.Instant;

/**
 * Published in the transaction that signs a treatment session: its lots are used and its appointment attended in the
 * same transaction, and the record is locked from then on.
 *
 * @param preparationId the preparation that used the lots, or {@code null} (a session without products)
 */
public record SessionSigned(long sessionId, long appointmentId, long clinicId, long patientId, Long preparationId,
        Instant signedAt) {
}
