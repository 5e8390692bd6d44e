package org.follicle.scheduling;

import java.time.OffsetDateTime;

/**
 * An appointment as pages, other modules and the API see it; times carry the clinic's offset on that day.
 *
 * @param planId the treatment plan the appointment belongs to, with its place in the course, or {@code null}
 */
public record AppointmentView(long id, long clinicId, long patientId, String patientName, String fileNumber,
        long practitionerId, String practitionerName, Long roomId, String roomName, String typeCode,
        OffsetDateTime startsAt, OffsetDateTime endsAt, AppointmentStatus status, Long planId, Integer planSequence,
        String note, String overrideReason, String statusReason, int version) {
}
