package org.follicle.billing.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A course sold to a patient: sessions of one treatment paid ahead, used one by one as they are signed, until its
 * last valid day.
 *
 * @param used how many of its sessions signed sessions have used
 * @param creditNoteId the credit note that gave back what was not used, once cancelled
 */
record Course(long id, long clinicId, long patientId, long invoiceId, int linePosition, String name,
        String appointmentType, int sessions, int used, LocalDate validUntil, Instant soldAt, Instant cancelledAt,
        String cancelReason, Long creditNoteId) {

    enum Status {
        ACTIVE, USED_UP, EXPIRED, CANCELLED
    }

    public int remaining() {
        return sessions - used;
    }

    public Status status(LocalDate today) {
        if (cancelledAt != null) {
            return Status.CANCELLED;
        }
        if (used >= sessions) {
            return Status.USED_UP;
        }
        return today.isAfter(validUntil) ? Status.EXPIRED : Status.ACTIVE;
    }
}
